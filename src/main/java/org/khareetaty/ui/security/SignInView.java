package org.khareetaty.ui.security;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.khareetaty.security.PasswordPolicy;
import org.khareetaty.security.Principal;

/** The sign-in form shown before the main window; on first start it creates the administrator. */
public final class SignInView extends StackPane {

    public SignInView(SignInViewModel viewModel, String dataFolder, Consumer<Principal> onSignedIn) {
        setId("sign-in");
        Label title = new Label(viewModel.isFirstRun() ? "Welcome to Khareetaty Workstation" : "Sign in to Khareetaty Workstation");
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label intro = new Label(viewModel.isFirstRun()
                ? "This workstation has no accounts yet. Create the administrator account; the administrator then adds "
                        + "analysts and supervisors. Passwords need " + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                        + " characters and must not be a common password."
                : "Data folder: " + dataFolder);
        intro.setWrapText(true);

        TextField username = new TextField();
        username.setId("username");
        username.textProperty().bindBidirectional(viewModel.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        form.addRow(0, new Label("Username"), username);
        int row = 1;
        if (viewModel.isFirstRun()) {
            TextField displayName = new TextField();
            displayName.textProperty().bindBidirectional(viewModel.displayNameProperty());
            form.addRow(row++, new Label("Full name"), displayName);
        }
        form.addRow(row++, new Label("Password"), password);
        if (viewModel.isFirstRun()) {
            PasswordField repeated = new PasswordField();
            repeated.setId("repeat-password");
            repeated.textProperty().bindBidirectional(viewModel.repeatedPasswordProperty());
            form.addRow(row++, new Label("Repeat password"), repeated);
        }

        Button submit = new Button(viewModel.isFirstRun() ? "Create administrator and sign in" : "Sign in");
        submit.setId("sign-in-button");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(viewModel.busyProperty().or(viewModel.usernameProperty().isEmpty())
                .or(viewModel.passwordProperty().isEmpty()));
        submit.setOnAction(e -> viewModel.submit(onSignedIn));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(viewModel.busyProperty());

        Label error = new Label();
        error.setId("sign-in-error");
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        error.textProperty().bind(viewModel.errorProperty());
        error.setWrapText(true);

        VBox card = new VBox(14, title, intro, form, new javafx.scene.layout.HBox(10, submit, progress), error);
        card.setMaxWidth(560);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        card.setPadding(new Insets(28));
        card.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default; -fx-background-radius: 8; -fx-border-radius: 8;");
        setAlignment(Pos.CENTER);
        setStyle("-fx-background-color: -color-bg-subtle;");
        getChildren().add(card);
        username.requestFocus();
    }
}

package org.khareetaty.ui.security;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Account menu's "Change password…" window. */
public final class ChangePasswordDialog extends GridPane {

    public ChangePasswordDialog(ChangePasswordViewModel viewModel) {
        setId("change-password");
        setPadding(new Insets(14));
        setHgap(8);
        setVgap(8);
        TextField account = new TextField();
        account.setId("password-account");
        account.textProperty().bindBidirectional(viewModel.accountProperty());
        account.setEditable(viewModel.mayResetOthers());
        PasswordField current = field("password-current", viewModel.currentProperty());
        PasswordField replacement = field("password-new", viewModel.replacementProperty());
        PasswordField repeat = field("password-repeat", viewModel.repeatProperty());
        Label currentLabel = new Label("Current password");
        current.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !viewModel.ownAccount(),
                viewModel.accountProperty()));
        Label rules = new Label("8 to 64 characters; a passphrase of several words is easiest. Very common passwords "
                + "and the username are refused." + (viewModel.mayResetOthers() ? " As an administrator you may name "
                + "another account to set its password (no current password needed; it is audited)." : ""));
        rules.setWrapText(true);
        rules.setMaxWidth(380);
        Label problem = new Label();
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(viewModel.problemProperty());
        Label status = new Label();
        status.setId("password-status");
        status.setWrapText(true);
        status.setMaxWidth(380);
        status.textProperty().bind(viewModel.statusProperty());
        Button change = new Button("Change password");
        change.setId("password-change");
        change.setDefaultButton(true);
        change.disableProperty().bind(viewModel.busyProperty().or(viewModel.problemProperty().isNotEmpty()));
        change.setOnAction(e -> viewModel.change());
        int row = 0;
        add(new Label("Account"), 0, row);
        add(account, 1, row++);
        add(currentLabel, 0, row);
        add(current, 1, row++);
        add(new Label("New password"), 0, row);
        add(replacement, 1, row++);
        add(new Label("Repeat"), 0, row);
        add(repeat, 1, row++);
        add(rules, 0, row++, 2, 1);
        add(problem, 0, row++, 2, 1);
        add(change, 1, row++);
        add(status, 0, row, 2, 1);
    }

    private static PasswordField field(String id, javafx.beans.property.StringProperty property) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    public static Stage show(Window owner, ChangePasswordViewModel viewModel) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Change password");
        stage.setScene(new Scene(new ChangePasswordDialog(viewModel)));
        stage.show();
        return stage;
    }
}

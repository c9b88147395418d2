package org.khareetaty.ui.security;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Wraps the main window: watches for activity and, when the session locks, covers the window (whose work
 * stays as it was) with a password prompt.
 */
public final class SessionLockOverlay extends StackPane {

    public SessionLockOverlay(Node content, SessionLockViewModel viewModel) {
        Label title = new Label("Session locked");
        title.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        Label text = new Label("Enter the password of " + viewModel.username() + " to continue. Your work is kept.");
        PasswordField password = new PasswordField();
        password.setId("unlock-password");
        password.setMaxWidth(280);
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        Button unlock = new Button("Unlock");
        unlock.setDefaultButton(true);
        unlock.setOnAction(e -> viewModel.unlock());
        password.setOnAction(e -> viewModel.unlock());
        Label error = new Label();
        error.textProperty().bind(viewModel.errorProperty());
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        VBox prompt = new VBox(12, title, text, password, unlock, error);
        prompt.setAlignment(Pos.CENTER);
        prompt.setId("session-lock");
        prompt.setStyle("-fx-background-color: -color-bg-default;");
        prompt.visibleProperty().bind(viewModel.lockedProperty());
        content.visibleProperty().bind(viewModel.lockedProperty().not());
        getChildren().addAll(content, prompt);

        addEventFilter(InputEvent.ANY, (Event e) -> viewModel.activity());
        Timeline check = new Timeline(new KeyFrame(Duration.seconds(15), e -> viewModel.tick()));
        check.setCycleCount(Timeline.INDEFINITE);
        check.play();
        viewModel.lockedProperty().addListener((obs, was, now) -> {
            if (now) {
                password.requestFocus();
            }
        });
    }
}

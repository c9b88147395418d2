package org.khareetaty.ui.alerts;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The Twilio form and the outbox state, with "Send now". */
final class NotificationSettingsView extends VBox {

    NotificationSettingsView(NotificationSettingsViewModel model, AlertsViewModel alerts) {
        setSpacing(10);
        setPadding(new Insets(12));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        TextField sid = new TextField();
        sid.setPromptText("AC…");
        sid.textProperty().bindBidirectional(model.accountSidProperty());
        PasswordField token = new PasswordField();
        token.setPromptText("Auth token (stored encrypted)");
        token.textProperty().bindBidirectional(model.authTokenProperty());
        TextField sms = new TextField();
        sms.setPromptText("+1… or MG… messaging service");
        sms.textProperty().bindBidirectional(model.smsFromProperty());
        TextField whatsapp = new TextField();
        whatsapp.setPromptText("+… WhatsApp sender");
        whatsapp.textProperty().bindBidirectional(model.whatsappFromProperty());
        form.addRow(0, new Label("Twilio account SID"), sid);
        form.addRow(1, new Label("Auth token"), token);
        form.addRow(2, new Label(""), tokenLabel(model));
        form.addRow(3, new Label("SMS sender"), sms);
        form.addRow(4, new Label("WhatsApp sender"), whatsapp);
        sid.setPrefColumnCount(36);
        Button save = new Button("Save");
        save.setOnAction(e -> model.save());
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Label outbox = new Label();
        outbox.textProperty().bind(alerts.outboxStatusProperty());
        Button send = new Button("Send waiting notifications now");
        send.setOnAction(e -> alerts.sendNow());
        Label how = new Label("Notifications are written with their alert in one transaction and sent from an outbox: "
                + "without network they wait and go when it returns. Delivery status is polled from Twilio.");
        how.setWrapText(true);
        how.setStyle("-fx-text-fill: -color-fg-muted;");
        getChildren().addAll(form, save, message, outbox, send, how);
    }

    private static Label tokenLabel(NotificationSettingsViewModel model) {
        Label label = new Label();
        label.textProperty().bind(model.tokenStateProperty());
        label.setStyle("-fx-text-fill: -color-fg-muted;");
        return label;
    }
}

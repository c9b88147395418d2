package org.khareetaty.ui.report;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.khareetaty.security.FileProtection;

/** The checkbox and the two passphrase fields of an {@link EncryptionChoice}. */
final class EncryptionChoiceView extends VBox {

    EncryptionChoiceView(EncryptionChoice choice) {
        super(4);
        setId("encryption-choice");
        CheckBox encrypt = new CheckBox("Encrypt with a passphrase");
        encrypt.setId("encrypt-export");
        encrypt.selectedProperty().bindBidirectional(choice.encryptProperty());
        PasswordField passphrase = new PasswordField();
        passphrase.setId("export-passphrase");
        passphrase.setPromptText("Passphrase (at least " + FileProtection.MIN_PASSPHRASE + " characters)");
        passphrase.textProperty().bindBidirectional(choice.passphraseProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("export-passphrase-repeat");
        repeat.setPromptText("Repeat the passphrase");
        repeat.textProperty().bindBidirectional(choice.repeatProperty());
        Label hint = new Label("AES-256-GCM; the file gets " + FileProtection.SUFFIX + ". Give the passphrase to the "
                + "reader separately; they open it with: khareetaty decrypt FILE --out PLAIN");
        hint.setWrapText(true);
        hint.setMaxWidth(360);
        Label problem = new Label();
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(choice.problemProperty());
        for (var node : new javafx.scene.Node[] {passphrase, repeat, hint, problem}) {
            node.visibleProperty().bind(encrypt.selectedProperty());
            node.managedProperty().bind(node.visibleProperty());
        }
        getChildren().addAll(encrypt, passphrase, repeat, hint, problem);
    }
}

package org.khareetaty.ui.report;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.khareetaty.security.FileProtection;

/**
 * The export dialogs' "Encrypt with a passphrase" choice: the passphrase typed twice; the file is then written as
 * AES-256-GCM ciphertext named {@code .kenc} (opened with {@code khareetaty decrypt}). State only, no nodes.
 */
public final class EncryptionChoice {

    private final BooleanProperty encrypt = new SimpleBooleanProperty();
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final StringBinding problem = Bindings.createStringBinding(this::computeProblem, encrypt, passphrase, repeat);

    private String computeProblem() {
        if (!encrypt.get()) {
            return "";
        }
        if (passphrase.get() == null || passphrase.get().length() < FileProtection.MIN_PASSPHRASE) {
            return "The passphrase needs at least " + FileProtection.MIN_PASSPHRASE + " characters.";
        }
        if (!passphrase.get().equals(repeat.get())) {
            return "The two passphrases differ.";
        }
        return "";
    }

    /** Why the export cannot start yet (empty when it can). */
    public StringBinding problemProperty() {
        return problem;
    }

    /** How to protect the file, or empty with the reason in {@link #problemProperty()}. */
    public Optional<FileProtection> protection() {
        if (!problem.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(encrypt.get() ? FileProtection.passphrase(passphrase.get().toCharArray()) : FileProtection.NONE);
    }

    /** Forgets the typed passphrase once a file was written with it. */
    public void clearPassphrase() {
        passphrase.set("");
        repeat.set("");
    }

    public BooleanProperty encryptProperty() {
        return encrypt;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }
}

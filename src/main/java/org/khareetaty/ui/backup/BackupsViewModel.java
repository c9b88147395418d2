package org.khareetaty.ui.backup;

import java.nio.file.Path;
import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.khareetaty.security.BackupService;
import org.khareetaty.security.BackupService.Backup;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
import org.khareetaty.ui.common.FxExecutor;

/**
 * The administrators' backups pane: the folder's backups, a new one (optionally encrypted with a passphrase), and a
 * restore. The core checks the role and audits both; a restore replaces the open database, so the application closes
 * the folder, restores (verified before anything is replaced) and opens it again at sign-in ({@link Restorer}).
 */
public final class BackupsViewModel {

    /** Closes the folder, restores the backup into it and opens it again; given by the composition root. */
    @FunctionalInterface
    public interface Restorer {
        void restore(Path backup, char[] passphrase);
    }

    private final BackupService backups;
    private final Principal principal;
    private final FxExecutor executor;
    private final Restorer restorer;
    private final ObservableList<Backup> list = FXCollections.observableArrayList();
    private final ObjectProperty<Backup> selected = new SimpleObjectProperty<>();
    private final BooleanProperty encrypt = new SimpleBooleanProperty(false);
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty passphraseRepeat = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public BackupsViewModel(BackupService backups, Principal principal, FxExecutor executor, Restorer restorer) {
        this.backups = backups;
        this.principal = principal;
        this.executor = executor;
        this.restorer = restorer;
    }

    public ObservableList<Backup> backups() {
        return list;
    }

    public ObjectProperty<Backup> selectedProperty() {
        return selected;
    }

    public BooleanProperty encryptProperty() {
        return encrypt;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty passphraseRepeatProperty() {
        return passphraseRepeat;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public void refresh() {
        executor.run("List backups", context -> {
            principal.require(Permission.BACKUP);
            return backups.list();
        }, list::setAll, failure -> status.set(failure.getMessage()));
    }

    /** Writes a backup now (encrypted when asked: the two passphrases must match); retention applies after it. */
    public void create() {
        char[] secret = null;
        if (encrypt.get()) {
            if (!passphrase.get().equals(passphraseRepeat.get())) {
                status.set("The two passphrases differ.");
                return;
            }
            if (passphrase.get().length() < 8) {
                status.set("The passphrase needs at least 8 characters.");
                return;
            }
            secret = passphrase.get().toCharArray();
        }
        char[] used = secret;
        busy.set(true);
        status.set("Writing a backup …");
        executor.run("Create backup", context -> {
            try {
                return backups.create(principal, used);
            } finally {
                if (used != null) {
                    Arrays.fill(used, '\0');
                }
            }
        }, backup -> {
            busy.set(false);
            passphrase.set("");
            passphraseRepeat.set("");
            status.set("Wrote " + backup.file().getFileName() + " (" + backup.sizeBytes() / 1024 + " KB"
                    + (backup.encrypted() ? ", AES-256-GCM" : "") + ").");
            refresh();
        }, failure -> {
            busy.set(false);
            status.set(failure.getMessage());
        });
    }

    /**
     * Restores the selected backup (a passphrase for an encrypted one). The role is checked here first so that an
     * analyst is refused without closing anything; the restore itself checks and audits it again.
     */
    public void restoreSelected(char[] backupPassphrase) {
        Backup backup = selected.get();
        if (backup == null) {
            return;
        }
        if (!principal.role().allows(Permission.BACKUP)) {
            status.set("Your role (" + principal.role() + ") may not restore backups.");
            return;
        }
        if (backup.encrypted() && (backupPassphrase == null || backupPassphrase.length == 0)) {
            status.set(backup.file().getFileName() + " is encrypted: enter its passphrase.");
            return;
        }
        restorer.restore(backup.file(), backup.encrypted() ? backupPassphrase : null);
    }
}

package org.khareetaty.ui.users;

import java.time.Clock;
import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.khareetaty.security.Principal;
import org.khareetaty.security.Role;
import org.khareetaty.security.User;
import org.khareetaty.security.UserService;
import org.khareetaty.ui.common.FxExecutor;

/**
 * The administrators' accounts pane: list, add, lock, unlock, change role, reset a forgotten password. Every action
 * goes through {@link UserService}, which checks the role and writes the audit record, so a refusal here is the same
 * refusal as on the command line.
 */
public final class UsersViewModel {

    private final UserService users;
    private final Principal principal;
    private final FxExecutor executor;
    private final Clock clock;
    private final ObservableList<User> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<User> selected = new SimpleObjectProperty<>();
    private final StringProperty newUsername = new SimpleStringProperty("");
    private final StringProperty newDisplayName = new SimpleStringProperty("");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(Role.ANALYST);
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty newPasswordRepeat = new SimpleStringProperty("");
    private final ObjectProperty<Role> selectedRole = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public UsersViewModel(UserService users, Principal principal, FxExecutor executor, Clock clock) {
        this.users = users;
        this.principal = principal;
        this.executor = executor;
        this.clock = clock;
        selected.addListener((o, before, now) -> selectedRole.set(now == null ? null : now.role()));
    }

    public ObservableList<User> accounts() {
        return accounts;
    }

    public ObjectProperty<User> selectedProperty() {
        return selected;
    }

    public StringProperty newUsernameProperty() {
        return newUsername;
    }

    public StringProperty newDisplayNameProperty() {
        return newDisplayName;
    }

    public ObjectProperty<Role> newRoleProperty() {
        return newRole;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty newPasswordRepeatProperty() {
        return newPasswordRepeat;
    }

    /** The role chosen for the selected account (applied by {@link #applyRole()}). */
    public ObjectProperty<Role> selectedRoleProperty() {
        return selectedRole;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** How an account stands now: active, locked (until when), or disabled, with failed sign-ins. */
    public String state(User user) {
        if (!user.active()) {
            return "disabled";
        }
        if (user.isLockedAt(clock.instant())) {
            return user.lockedUntil().getEpochSecond() > 253_000_000_000L ? "locked by an administrator"
                    : "locked until " + user.lockedUntil().atZone(java.time.ZoneId.systemDefault()).toLocalTime().withNano(0);
        }
        return user.failedLogins() > 0 ? "active (" + user.failedLogins() + " failed sign-ins)" : "active";
    }

    public void refresh() {
        act("Read accounts", () -> null, null);
    }

    public void create() {
        String username = newUsername.get().trim();
        if (!newPassword.get().equals(newPasswordRepeat.get())) {
            status.set("The two passwords differ.");
            return;
        }
        char[] password = newPassword.get().toCharArray();
        Role role = newRole.get();
        String displayName = newDisplayName.get();
        act("Add account " + username, () -> {
            try {
                users.create(principal, username, displayName, role, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            return "Added " + username + " (" + role.name().toLowerCase(java.util.Locale.ROOT) + ").";
        }, () -> {
            newUsername.set("");
            newDisplayName.set("");
            newPassword.set("");
            newPasswordRepeat.set("");
        });
    }

    public void lockSelected() {
        User user = selected.get();
        if (user != null) {
            act("Lock " + user.username(), () -> {
                users.lock(principal, user.username());
                return "Locked " + user.username() + " until an administrator unlocks it.";
            }, null);
        }
    }

    public void unlockSelected() {
        User user = selected.get();
        if (user != null) {
            act("Unlock " + user.username(), () -> {
                users.unlock(principal, user.username());
                return "Unlocked " + user.username() + ".";
            }, null);
        }
    }

    public void applyRole() {
        User user = selected.get();
        Role role = selectedRole.get();
        if (user == null || role == null || role == user.role()) {
            return;
        }
        act("Change role of " + user.username(), () -> {
            users.changeRole(principal, user.username(), role);
            return user.username() + " is now " + role.name().toLowerCase(java.util.Locale.ROOT) + ".";
        }, null);
    }

    /** Sets a new password for the selected account (forgotten password); the two entries must match. */
    public void resetPassword(char[] password, char[] repeat) {
        User user = selected.get();
        if (user == null) {
            return;
        }
        if (!Arrays.equals(password, repeat)) {
            status.set("The two passwords differ.");
            return;
        }
        act("Reset password of " + user.username(), () -> {
            try {
                users.resetPassword(principal, user.username(), password);
            } finally {
                Arrays.fill(password, '\0');
                Arrays.fill(repeat, '\0');
            }
            return "New password set for " + user.username() + ".";
        }, null);
    }

    private interface Action {
        String run();
    }

    /** Runs one account action off the UI thread, then lists the accounts again and says what happened. */
    private void act(String title, Action action, Runnable onSuccess) {
        busy.set(true);
        executor.run(title, context -> {
            String message = action.run();
            return new Outcome(message, users.list(principal));
        }, outcome -> {
            busy.set(false);
            String keep = selected.get() == null ? null : selected.get().username();
            accounts.setAll(outcome.accounts());
            accounts.stream().filter(u -> u.username().equals(keep)).findFirst().ifPresent(selected::set);
            if (outcome.message() != null) {
                status.set(outcome.message());
            }
            if (onSuccess != null) {
                onSuccess.run();
            }
        }, failure -> {
            busy.set(false);
            status.set(failure.getMessage());
        });
    }

    private record Outcome(String message, java.util.List<User> accounts) {
    }
}

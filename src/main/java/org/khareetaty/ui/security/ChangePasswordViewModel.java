package org.khareetaty.ui.security;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.khareetaty.security.PasswordPolicy;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
import org.khareetaty.security.Role;
import org.khareetaty.security.UserService;
import org.khareetaty.ui.common.FxExecutor;

/**
 * "Change password…" in the Account menu: every user changes their own password (proving the current one); an
 * administrator may instead name another account and set a new password for it. The core checks the rules, re-wraps
 * an administrator's copy of the credential key and audits it.
 */
public final class ChangePasswordViewModel {

    private final UserService users;
    private final Principal principal;
    private final FxExecutor executor;
    private final StringProperty account;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty replacement = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty done = new SimpleBooleanProperty();
    private final StringBinding problem;

    public ChangePasswordViewModel(UserService users, Principal principal, FxExecutor executor) {
        this.users = users;
        this.principal = principal;
        this.executor = executor;
        this.account = new SimpleStringProperty(principal.username());
        this.problem = Bindings.createStringBinding(() -> {
            if (ownAccount() && current.get().isEmpty()) {
                return "Enter your current password.";
            }
            if (replacement.get().length() < PasswordPolicy.MIN_LENGTH) {
                return "The new password needs at least " + PasswordPolicy.MIN_LENGTH + " characters.";
            }
            if (!replacement.get().equals(repeat.get())) {
                return "The two new passwords differ.";
            }
            return "";
        }, account, current, replacement, repeat);
    }

    /** Administrators may set another account's password. */
    public boolean mayResetOthers() {
        return principal.role() == Role.ADMINISTRATOR && principal.role().allows(Permission.MANAGE_USERS);
    }

    /** Whether the account field names the signed-in user (then the current password is needed). */
    public boolean ownAccount() {
        return account.get() == null || account.get().isBlank() || account.get().strip().equalsIgnoreCase(principal.username());
    }

    /** Changes (own account) or resets (another account) the password in the background. */
    public void change() {
        if (!problem.get().isEmpty()) {
            status.set(problem.get());
            return;
        }
        boolean own = ownAccount();
        String target = own ? principal.username() : account.get().strip();
        char[] old = current.get().toCharArray();
        char[] fresh = replacement.get().toCharArray();
        current.set("");
        replacement.set("");
        repeat.set("");
        busy.set(true);
        status.set("Changing the password…");
        executor.run("Change password", context -> {
            if (own) {
                users.changeOwnPassword(principal, old, fresh);
            } else {
                users.resetPassword(principal, target, fresh);
            }
            return target;
        }, changed -> {
            busy.set(false);
            done.set(true);
            status.set(own ? "Your password was changed." : "A new password was set for " + changed + ".");
        }, error -> {
            busy.set(false);
            status.set(error.getMessage());
        });
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public StringProperty accountProperty() {
        return account;
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty replacementProperty() {
        return replacement;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty doneProperty() {
        return done;
    }
}

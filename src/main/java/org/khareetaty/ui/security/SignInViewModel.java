package org.khareetaty.ui.security;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.khareetaty.security.Principal;
import org.khareetaty.security.Role;
import org.khareetaty.security.UserService;
import org.khareetaty.ui.common.FxExecutor;

/**
 * Sign-in, or on a database without accounts the creation of the first administrator. Password hashing
 * is deliberately slow, so it runs on a background task while the form shows it is busy.
 */
public final class SignInViewModel {

    private final UserService users;
    private final FxExecutor executor;
    private final boolean firstRun;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeatedPassword = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public SignInViewModel(UserService users, FxExecutor executor, boolean firstRun) {
        this.users = users;
        this.executor = executor;
        this.firstRun = firstRun;
    }

    public boolean isFirstRun() {
        return firstRun;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatedPasswordProperty() {
        return repeatedPassword;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Signs in (creating the administrator first on a new database) and hands the principal on. */
    public void submit(Consumer<Principal> onSignedIn) {
        if (busy.get()) {
            return;
        }
        String name = username.get();
        char[] secret = password.get().toCharArray();
        if (firstRun && !Arrays.equals(secret, repeatedPassword.get().toCharArray())) {
            error.set("The two passwords differ.");
            return;
        }
        busy.set(true);
        error.set("");
        String display = displayName.get();
        executor.run(firstRun ? "Create administrator" : "Sign in", context -> {
            if (firstRun) {
                users.create(Principal.BOOTSTRAP, name, display, Role.ADMINISTRATOR, secret);
            }
            return users.signIn(name, secret);
        }, principal -> {
            busy.set(false);
            password.set("");
            repeatedPassword.set("");
            onSignedIn.accept(principal);
        }, failure -> {
            busy.set(false);
            password.set("");
            error.set(failure.getMessage());
        });
    }
}

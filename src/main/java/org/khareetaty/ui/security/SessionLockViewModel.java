package org.khareetaty.ui.security;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.khareetaty.security.Session;
import org.khareetaty.security.UserService;
import org.khareetaty.ui.common.FxExecutor;

/** Mirrors the session's idle lock; unlocking asks for the password again and keeps all work in the window. */
public final class SessionLockViewModel {

    private final Session session;
    private final UserService users;
    private final FxExecutor executor;
    private final BooleanProperty locked = new SimpleBooleanProperty(false);
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public SessionLockViewModel(Session session, UserService users, FxExecutor executor) {
        this.session = session;
        this.users = users;
        this.executor = executor;
    }

    public BooleanProperty lockedProperty() {
        return locked;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public String username() {
        return session.principal().username();
    }

    /** Called on user activity. */
    public void activity() {
        session.touch();
    }

    /** Called periodically: locks the window when the session went idle. */
    public void tick() {
        locked.set(session.isLocked());
    }

    public void lockNow() {
        session.lockNow();
        tick();
    }

    public void unlock() {
        char[] secret = password.get().toCharArray();
        password.set("");
        executor.run("Unlock session", context -> session.unlock(users, secret), ok -> {
            error.set(ok ? "" : "Wrong password.");
            tick();
        }, failure -> error.set(failure.getMessage()));
    }
}

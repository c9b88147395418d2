package org.khareetaty.security;

/** An action refused because the acting user's role does not allow it. */
public final class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String username, Role role, Permission permission) {
        super("User '" + username + "' (" + role.name().toLowerCase(java.util.Locale.ROOT) + ") may not "
                + permission.description() + ". Ask " + (permission == Permission.EDIT_RULES || permission == Permission.CLOSE_ALERTS
                        ? "a supervisor or an administrator" : "an administrator") + ".");
    }

    public AccessDeniedException(String message) {
        super(message);
    }
}

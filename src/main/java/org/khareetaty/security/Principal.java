package org.khareetaty.security;

/** Who is acting: a signed-in user, or the bootstrap administrator of a database that has no accounts yet. */
public record Principal(String username, Role role) {

    /** Acts only while no account exists, so the first administrator can be created (from the CLI or first start). */
    public static final Principal BOOTSTRAP = new Principal("bootstrap", Role.ADMINISTRATOR);

    /** Throws {@link AccessDeniedException} with a readable reason when the role lacks the permission. */
    public void require(Permission permission) {
        if (!role.allows(permission)) {
            throw new AccessDeniedException(username, role, permission);
        }
    }

    /** The author a report names by default: the signed-in account, or the OS user before any account exists. */
    public String reportAuthor() {
        return equals(BOOTSTRAP) ? System.getProperty("user.name", "analyst") : username;
    }
}

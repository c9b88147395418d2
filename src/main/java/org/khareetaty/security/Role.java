package org.khareetaty.security;

import java.util.EnumSet;
import java.util.Set;

/** Roles of the workstation; each includes the rights of the one before it. */
public enum Role {
    ANALYST(EnumSet.of(Permission.VIEW, Permission.IMPORT, Permission.ANALYSE, Permission.REPORT)),
    SUPERVISOR(EnumSet.of(Permission.VIEW, Permission.IMPORT, Permission.ANALYSE, Permission.REPORT,
            Permission.EDIT_RULES, Permission.CLOSE_ALERTS)),
    ADMINISTRATOR(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}

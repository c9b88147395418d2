package org.khareetaty.security;

/** What an action needs; roles grant sets of these (see {@link Role}). */
public enum Permission {
    VIEW("view incidents and results"),
    IMPORT("import data"),
    ANALYSE("run analyses"),
    REPORT("write reports and exports"),
    EDIT_RULES("edit alert rules"),
    CLOSE_ALERTS("resolve alerts"),
    MANAGE_USERS("manage user accounts"),
    CHANGE_SETTINGS("change settings"),
    SYNC("run or configure sync"),
    BACKUP("create or restore backups and purge data"),
    VIEW_AUDIT("read the audit log");

    private final String description;

    Permission(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}

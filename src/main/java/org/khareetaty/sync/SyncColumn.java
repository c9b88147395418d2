package org.khareetaty.sync;

/** One synced column of an entity table; the name is the same on the workstation and on the server. */
public record SyncColumn(String name, ColumnType type) {
}

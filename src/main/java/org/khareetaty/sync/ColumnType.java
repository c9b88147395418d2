package org.khareetaty.sync;

/** The column types that travel between the workstation (H2GIS) and the server (PostgreSQL/PostGIS). */
public enum ColumnType {
    UUID("uuid"),
    TEXT("text"),
    TIMESTAMPTZ("timestamptz"),
    DATE("date"),
    INT("integer"),
    BIGINT("bigint"),
    DOUBLE("double precision"),
    BOOL("boolean"),
    GEOMETRY("geometry");

    private final String postgresType;

    ColumnType(String postgresType) {
        this.postgresType = postgresType;
    }

    public String postgresType() {
        return postgresType;
    }
}

package org.khareetaty.sync;

import static org.khareetaty.sync.ColumnType.BIGINT;
import static org.khareetaty.sync.ColumnType.BOOL;
import static org.khareetaty.sync.ColumnType.DATE;
import static org.khareetaty.sync.ColumnType.DOUBLE;
import static org.khareetaty.sync.ColumnType.GEOMETRY;
import static org.khareetaty.sync.ColumnType.INT;
import static org.khareetaty.sync.ColumnType.TEXT;
import static org.khareetaty.sync.ColumnType.TIMESTAMPTZ;
import static org.khareetaty.sync.ColumnType.UUID;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What syncs, in dependency order (a row's references come before it): pushes and pulls apply entities
 * in this order and deletes in the reverse order. Each entity is one table with a UUID {@code id}.
 */
public enum SyncEntity {
    IMPORT_BATCH("import_batch", null, List.of(), MergeRule.LAST_PUSH_WINS,
            col("id", UUID), col("started_at", TIMESTAMPTZ), col("finished_at", TIMESTAMPTZ), col("status", TEXT),
            col("profile_name", TEXT), col("username", TEXT), col("rows_read", BIGINT), col("rows_accepted", BIGINT),
            col("rows_quarantined", BIGINT), col("rows_duplicate", BIGINT), col("rows_located", BIGINT),
            col("elapsed_ms", BIGINT), col("message", TEXT)),
    INCIDENT("incident", "updated_at", List.of("source_key"), MergeRule.LAST_WRITER_WINS_PER_FIELD,
            col("id", UUID), col("source_key", TEXT), col("batch_id", UUID), col("raw_id", UUID),
            col("occurred_at", TIMESTAMPTZ), col("source_zone", TEXT), col("time_flag", TEXT), col("local_date", DATE),
            col("local_hour", INT), col("local_dow", INT), col("category_code", TEXT), col("category_source", TEXT),
            col("address", TEXT), col("lon", DOUBLE), col("lat", DOUBLE), col("geom", GEOMETRY),
            col("updated_at", TIMESTAMPTZ)),
    AREA("area", "updated_at", List.of("kind", "code"), MergeRule.LAST_WRITER_WINS,
            col("id", UUID), col("kind", TEXT), col("code", TEXT), col("name", TEXT), col("population", BIGINT),
            col("geom", GEOMETRY), col("updated_at", TIMESTAMPTZ)),
    ANALYSIS_RUN("analysis_run", "updated_at", List.of(), MergeRule.LAST_WRITER_WINS,
            col("id", UUID), col("kind", TEXT), col("parameters", TEXT), col("filters", TEXT),
            col("data_from", TIMESTAMPTZ), col("data_to", TIMESTAMPTZ), col("row_count", BIGINT),
            col("projection", TEXT), col("summary", TEXT), col("username", TEXT), col("started_at", TIMESTAMPTZ),
            col("elapsed_ms", BIGINT), col("app_version", TEXT), col("updated_at", TIMESTAMPTZ)),
    HOTSPOT("hotspot", "updated_at", List.of(), MergeRule.LAST_WRITER_WINS,
            col("id", UUID), col("run_id", UUID), col("rank", INT), col("label", TEXT), col("geom", GEOMETRY),
            col("incident_count", BIGINT), col("area_m2", DOUBLE), col("density_per_km2", DOUBLE),
            col("score", DOUBLE), col("z_score", DOUBLE), col("p_value", DOUBLE), col("confidence", INT),
            col("profile", TEXT), col("updated_at", TIMESTAMPTZ)),
    ALERT_RULE("alert_rule", "updated_at", List.of("name"), MergeRule.LAST_WRITER_WINS,
            col("id", UUID), col("name", TEXT), col("kind", TEXT), col("definition", TEXT), col("enabled", BOOL),
            col("updated_at", TIMESTAMPTZ)),
    ALERT("alert", "updated_at", List.of("rule_id", "evidence_key"), MergeRule.ALERT_STATUS_PRECEDENCE,
            col("id", UUID), col("rule_id", UUID), col("evidence_key", TEXT), col("severity", TEXT),
            col("area_id", UUID), col("title", TEXT), col("evidence", TEXT), col("status", TEXT),
            col("assigned_to", TEXT), col("raised_at", TIMESTAMPTZ), col("updated_at", TIMESTAMPTZ),
            col("evidence_at", TIMESTAMPTZ), col("summary", TEXT)),
    ALERT_ACTION("alert_action", null, List.of(), MergeRule.APPEND_ONLY,
            col("id", UUID), col("alert_id", UUID), col("action", TEXT), col("username", TEXT), col("note", TEXT),
            col("at", TIMESTAMPTZ));

    /** How the server merges a pushed row with the row it already has. */
    public enum MergeRule {
        /** Provenance rows written by one workstation only: the latest push is kept. */
        LAST_PUSH_WINS,
        /** The whole row with the later {@code updated_at} is kept; the other is logged as a conflict. */
        LAST_WRITER_WINS,
        /** Edited fields are merged one by one; per field the later edit wins and the losing value is logged. */
        LAST_WRITER_WINS_PER_FIELD,
        /** Status never goes back on concurrent edits: OPEN < ACKNOWLEDGED < ASSIGNED < RESOLVED. */
        ALERT_STATUS_PRECEDENCE,
        /** Rows are never edited: the first copy stays, replays change nothing. */
        APPEND_ONLY
    }

    private final String table;
    private final String versionColumn;
    private final List<String> naturalKey;
    private final MergeRule mergeRule;
    private final List<SyncColumn> columns;

    SyncEntity(String table, String versionColumn, List<String> naturalKey, MergeRule mergeRule, SyncColumn... columns) {
        this.table = table;
        this.versionColumn = versionColumn;
        this.naturalKey = naturalKey;
        this.mergeRule = mergeRule;
        this.columns = List.of(columns);
    }

    private static SyncColumn col(String name, ColumnType type) {
        return new SyncColumn(name, type);
    }

    public String table() {
        return table;
    }

    /** The {@code updated_at} column compared by last-writer-wins, or null where rows are not edited concurrently. */
    public String versionColumn() {
        return versionColumn;
    }

    /** Columns unique on the workstation besides the id (another workstation may hold the same thing). */
    public List<String> naturalKey() {
        return naturalKey;
    }

    public MergeRule mergeRule() {
        return mergeRule;
    }

    public List<SyncColumn> columns() {
        return columns;
    }

    /** The entity this one references (it must exist locally first), or null. */
    public SyncEntity parent() {
        return switch (this) {
            case INCIDENT -> IMPORT_BATCH;
            case HOTSPOT -> ANALYSIS_RUN;
            case ALERT -> ALERT_RULE;
            case ALERT_ACTION -> ALERT;
            default -> null;
        };
    }

    /** The column holding the id of {@link #parent()}. */
    public String parentColumn() {
        return switch (this) {
            case INCIDENT -> "batch_id";
            case HOTSPOT -> "run_id";
            case ALERT -> "rule_id";
            case ALERT_ACTION -> "alert_id";
            default -> null;
        };
    }

    public SyncColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(table + " has no synced column " + name));
    }

    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(table + " has no synced column " + name);
    }

    public String columnList() {
        return columns.stream().map(SyncColumn::name).collect(Collectors.joining(", "));
    }

    public static SyncEntity parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown sync entity '" + name + "'; expected one of "
                    + Arrays.toString(values()), e);
        }
    }
}

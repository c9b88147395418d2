package org.khareetaty.report.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.report.HotspotRun;
import org.khareetaty.report.HotspotRuns;
import org.khareetaty.report.ReportFiles;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.FileProtection;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentSql;

/**
 * CSV and GeoJSON exports of incidents (any filter) and of the hotspots of one analysis run. Files are
 * written to a temporary sibling and moved into place at the end, so a cancelled or failed export
 * never leaves a half file under the requested name. Each export checks the REPORT permission and is audited once
 * (event EXPORT, with the number of rows written).
 */
public final class DataExporter {

    private static final String INCIDENT_COLUMNS = "i.id, i.source_key, i.occurred_at, i.local_date, i.local_hour, "
            + "i.local_dow, i.category_code, c.label, i.category_source, i.address, i.lon, i.lat, i.time_flag";
    private static final String[] INCIDENT_HEADER = {"id", "source_key", "occurred_at_utc", "local_date", "local_hour",
        "local_dow", "category_code", "category_label", "category_source", "address", "lon", "lat", "time_flag"};
    private static final String[] HOTSPOT_HEADER = {"run_id", "run_kind", "rank", "id", "label", "incident_count",
        "area_m2", "density_per_km2", "score", "z_score", "p_value", "confidence", "centroid_lon", "centroid_lat", "wkt"};

    private final Database database;
    private final HotspotRuns hotspotRuns;
    private final AuditLog audit;

    public DataExporter(Database database, HotspotRuns hotspotRuns, AuditLog audit) {
        this.database = database;
        this.hotspotRuns = hotspotRuns;
        this.audit = audit;
    }

    /** Writes the incidents matching {@code filter}; returns how many were written. */
    public long exportIncidents(Principal actor, IncidentFilter filter, ExportFormat format, Path target,
            TaskContext context) {
        return exportIncidents(actor, filter, format, target, FileProtection.NONE, context);
    }

    /** As above, encrypted when {@code protection} says so (the file is then {@code protection.target(target)}). */
    public long exportIncidents(Principal actor, IncidentFilter filter, ExportFormat format, Path target,
            FileProtection protection, TaskContext context) {
        return audit.audited(actor, Permission.REPORT, "EXPORT", protection.target(target).toAbsolutePath().toString(),
                () -> writeIncidents(filter, format, target, protection, context),
                rows -> rows + " incidents as " + format + " (" + filter.summary() + ")" + protection.auditNote());
    }

    private long writeIncidents(IncidentFilter filter, ExportFormat format, Path target, FileProtection protection,
            TaskContext context) {
        IncidentSql sql = IncidentSql.of(filter);
        String query = "SELECT " + INCIDENT_COLUMNS + " FROM incident i LEFT JOIN category c ON c.code = i.category_code"
                + " WHERE " + sql.where() + " ORDER BY i.occurred_at, i.id";
        return ReportFiles.writeAtomically(target, protection, out -> database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                sql.bind(statement, 1);
                statement.setFetchSize(2000);
                try (ResultSet rs = statement.executeQuery()) {
                    return format == ExportFormat.CSV ? incidentsCsv(rs, out, context) : incidentsGeoJson(rs, out, context);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    private static long incidentsCsv(ResultSet rs, OutputStream stream, TaskContext context) throws SQLException, IOException {
        CsvSafeWriter csv = new CsvSafeWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
        csv.row(INCIDENT_HEADER);
        long rows = 0;
        while (rs.next()) {
            csv.text(rs.getObject(1, UUID.class).toString())
                    .text(rs.getString(2))
                    .text(utc(rs.getObject(3, OffsetDateTime.class)))
                    .text(rs.getDate(4).toLocalDate().toString())
                    .number(rs.getInt(5))
                    .number(rs.getInt(6))
                    .text(rs.getString(7))
                    .text(rs.getString(8))
                    .text(rs.getString(9))
                    .text(rs.getString(10))
                    .number(nullableDouble(rs, 11))
                    .number(nullableDouble(rs, 12))
                    .text(rs.getString(13));
            csv.endRow();
            if (++rows % 10_000 == 0) {
                context.checkCancelled();
                context.progress(rows, -1, rows + " incidents written");
            }
        }
        csv.flush();
        return rows;
    }

    private static long incidentsGeoJson(ResultSet rs, OutputStream stream, TaskContext context)
            throws SQLException, IOException {
        return featureCollection(rs, stream, "incidents", context, (json, row) -> {
            json.writeStringField("id", row.getObject(1, UUID.class).toString());
            Double lon = nullableDouble(row, 11);
            Double lat = nullableDouble(row, 12);
            json.writeFieldName("geometry");
            if (lon == null || lat == null) {
                json.writeNull();  // RFC 7946 §3.2: an unlocated feature has a null geometry
            } else {
                json.writeStartObject();
                json.writeStringField("type", "Point");
                json.writeArrayFieldStart("coordinates");
                json.writeNumber(lon);
                json.writeNumber(lat);
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeObjectFieldStart("properties");
            json.writeStringField("source_key", row.getString(2));
            json.writeStringField("occurred_at_utc", utc(row.getObject(3, OffsetDateTime.class)));
            json.writeStringField("local_date", row.getDate(4).toLocalDate().toString());
            json.writeNumberField("local_hour", row.getInt(5));
            json.writeNumberField("local_dow", row.getInt(6));
            json.writeStringField("category_code", row.getString(7));
            json.writeStringField("category_label", row.getString(8));
            json.writeStringField("category_source", row.getString(9));
            json.writeStringField("address", row.getString(10));
            json.writeStringField("time_flag", row.getString(13));
            json.writeEndObject();
        });
    }

    /** Writes the hotspots of {@code runId}, or of the latest hotspot run when null; returns how many. */
    public long exportHotspots(Principal actor, UUID runId, ExportFormat format, Path target, TaskContext context) {
        return exportHotspots(actor, runId, format, target, FileProtection.NONE, context);
    }

    /** As above, encrypted when {@code protection} says so (the file is then {@code protection.target(target)}). */
    public long exportHotspots(Principal actor, UUID runId, ExportFormat format, Path target, FileProtection protection,
            TaskContext context) {
        return audit.audited(actor, Permission.REPORT, "EXPORT", protection.target(target).toAbsolutePath().toString(),
                () -> writeHotspots(runId, format, target, protection, context),
                rows -> rows + " hotspots as " + format + " (run " + (runId == null ? "latest" : runId) + ")"
                        + protection.auditNote());
    }

    private long writeHotspots(UUID runId, ExportFormat format, Path target, FileProtection protection,
            TaskContext context) {
        HotspotRun run = runId == null
                ? hotspotRuns.latest().orElseThrow(() -> new IllegalStateException(
                        "No hotspot analysis is stored yet: run a hotspot analysis first"))
                : hotspotRuns.run(runId).orElseThrow(() -> new IllegalArgumentException(
                        "No analysis run with id " + runId));
        String query = "SELECT h.rank, h.id, h.label, h.incident_count, h.area_m2, h.density_per_km2, h.score, h.z_score, "
                + "h.p_value, h.confidence, ST_X(ST_Centroid(h.wgs84)), ST_Y(ST_Centroid(h.wgs84)), ST_AsText(h.wgs84), "
                + "ST_AsGeoJSON(h.wgs84) FROM (SELECT h.*, " + HotspotRuns.GEOMETRY_WGS84 + " AS wgs84 FROM hotspot h "
                + "WHERE h.run_id = ?) h ORDER BY h.rank";
        return ReportFiles.writeAtomically(target, protection, out -> database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                statement.setObject(1, run.id());
                try (ResultSet rs = statement.executeQuery()) {
                    return format == ExportFormat.CSV ? hotspotsCsv(run, rs, out, context)
                            : hotspotsGeoJson(run, rs, out, context);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    private static long hotspotsCsv(HotspotRun run, ResultSet rs, OutputStream stream, TaskContext context)
            throws SQLException, IOException {
        CsvSafeWriter csv = new CsvSafeWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
        csv.row(HOTSPOT_HEADER);
        long rows = 0;
        while (rs.next()) {
            csv.text(run.id().toString()).text(run.kind())
                    .number(rs.getInt(1))
                    .text(rs.getObject(2, UUID.class).toString())
                    .text(rs.getString(3))
                    .number(rs.getLong(4))
                    .number(nullableDouble(rs, 5))
                    .number(nullableDouble(rs, 6))
                    .number(nullableDouble(rs, 7))
                    .number(nullableDouble(rs, 8))
                    .number(nullableDouble(rs, 9))
                    .number(nullableInt(rs, 10))
                    .number(nullableDouble(rs, 11))
                    .number(nullableDouble(rs, 12))
                    .text(rs.getString(13));
            csv.endRow();
            rows++;
            context.checkCancelled();
        }
        csv.flush();
        return rows;
    }

    private static long hotspotsGeoJson(HotspotRun run, ResultSet rs, OutputStream stream, TaskContext context)
            throws SQLException, IOException {
        return featureCollection(rs, stream, "hotspots", context, (json, row) -> {
            json.writeStringField("id", row.getObject(2, UUID.class).toString());
            json.writeFieldName("geometry");
            json.writeRawValue(row.getString(14));
            json.writeObjectFieldStart("properties");
            json.writeStringField("run_id", run.id().toString());
            json.writeStringField("run_kind", run.kind());
            json.writeNumberField("rank", row.getInt(1));
            json.writeStringField("label", row.getString(3));
            json.writeNumberField("incident_count", row.getLong(4));
            writeNullableNumber(json, "area_m2", nullableDouble(row, 5));
            writeNullableNumber(json, "density_per_km2", nullableDouble(row, 6));
            writeNullableNumber(json, "score", nullableDouble(row, 7));
            writeNullableNumber(json, "z_score", nullableDouble(row, 8));
            writeNullableNumber(json, "p_value", nullableDouble(row, 9));
            Integer confidence = nullableInt(row, 10);
            if (confidence == null) {
                json.writeNullField("confidence");
            } else {
                json.writeNumberField("confidence", confidence);
            }
            json.writeEndObject();
        });
    }

    /** Writes the geometry and properties of the feature for the current row. */
    @FunctionalInterface
    private interface FeatureWriter {
        void write(JsonGenerator json, ResultSet row) throws SQLException, IOException;
    }

    /** A GeoJSON FeatureCollection with one feature per row of {@code rs}; returns how many. */
    private static long featureCollection(ResultSet rs, OutputStream stream, String noun, TaskContext context,
            FeatureWriter feature) throws SQLException, IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeArrayFieldStart("features");
            long rows = 0;
            while (rs.next()) {
                json.writeStartObject();
                json.writeStringField("type", "Feature");
                feature.write(json, rs);
                json.writeEndObject();
                if (++rows % 1_000 == 0) {
                    context.checkCancelled();
                    context.progress(rows, -1, rows + " " + noun + " written");
                }
            }
            json.writeEndArray();
            json.writeEndObject();
            return rows;
        }
    }

    private static void writeNullableNumber(JsonGenerator json, String field, Double value) throws IOException {
        if (value == null || value.isNaN() || value.isInfinite()) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }

    private static String utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}

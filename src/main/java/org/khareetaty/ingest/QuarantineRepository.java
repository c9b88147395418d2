package org.khareetaty.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
import org.khareetaty.store.Database;

/** Reads and exports quarantined rows, optionally of one reason, for the quarantine browser. */
public final class QuarantineRepository {

    /** One quarantined row as shown in the browser. */
    public record Row(UUID id, UUID batchId, String fileName, long line, String field, String value, String reason,
            String message, String rawText) {
    }

    private static final String COLUMNS = "id, batch_id, file_name, line_no, field, field_value, reason, message, raw_text";

    private final Database database;
    private final AuditLog audit;

    public QuarantineRepository(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    /** Quarantined rows per reason, most frequent first. */
    public Map<String, Long> countsByReason() {
        return database.withConnection(connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT reason, COUNT(*) c FROM quarantined_row GROUP BY reason ORDER BY c DESC, reason")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /** A page of rows (reason null = all), ordered by file and line. */
    public List<Row> page(String reason, long offset, int limit) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM quarantined_row "
                    + "WHERE (? IS NULL OR reason = ?) ORDER BY file_name, line_no, id LIMIT ? OFFSET ?")) {
                statement.setString(1, reason);
                statement.setString(2, reason);
                statement.setInt(3, limit);
                statement.setLong(4, offset);
                try (ResultSet rs = statement.executeQuery()) {
                    List<Row> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                    return rows;
                }
            }
        });
    }

    /** Writes the rows (reason null = all) as CSV with their provenance; returns how many. Audited (EXPORT). */
    public long export(Principal actor, String reason, Path target) {
        return audit.audited(actor, Permission.IMPORT, "EXPORT", target.toAbsolutePath().toString(),
                () -> write(reason, target), rows -> rows + " quarantined rows as CSV (reason: "
                        + (reason == null ? "all" : reason) + ")");
    }

    private long write(String reason, Path target) {
        return database.withConnection(connection -> {
            long count = 0;
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM quarantined_row "
                    + "WHERE (? IS NULL OR reason = ?) ORDER BY file_name, line_no, id");
                    BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                statement.setString(1, reason);
                statement.setString(2, reason);
                out.write("file,line,field,value,reason,message,raw_row\n");
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Row row = read(rs);
                        out.write(String.join(",", csv(row.fileName()), String.valueOf(row.line()), csv(row.field()),
                                csv(row.value()), csv(row.reason()), csv(row.message()), csv(row.rawText())));
                        out.write('\n');
                        count++;
                    }
                }
            } catch (IOException e) {
                throw new ImportException("Cannot write " + target + ": " + e.getMessage(), e);
            }
            return count;
        });
    }

    private static Row read(ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getLong(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    /** Quotes a value for CSV; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}

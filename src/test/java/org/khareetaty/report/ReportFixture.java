package org.khareetaty.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.khareetaty.store.Database;
import org.khareetaty.store.HotspotMembers;

/**
 * Writes rows into a test database the way the importer and analyses do (V1 columns), so report tests run
 * on real tables: Philadelphia rows from the shared data when present, or rows the test chooses.
 */
final class ReportFixture {

    static final ZoneId PHILADELPHIA = ZoneId.of("America/New_York");
    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Database database;
    final UUID batch = UUID.randomUUID();

    ReportFixture(Database database) {
        this.database = database;
        database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO import_batch (id, started_at, "
                    + "status, profile_name) VALUES (?, CURRENT_TIMESTAMP, 'COMPLETE', 'test')")) {
                statement.setObject(1, batch);
                return statement.executeUpdate();
            }
        });
    }

    void category(String code, String label, String group) {
        database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "MERGE INTO category (code, label, category_group) KEY (code) VALUES (?, ?, ?)")) {
                statement.setString(1, code);
                statement.setString(2, label);
                statement.setString(3, group);
                return statement.executeUpdate();
            }
        });
    }

    UUID area(String kind, String code, String name, String wkt) {
        UUID id = UUID.randomUUID();
        database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO area (id, kind, code, name, geom) "
                    + "VALUES (?, ?, ?, ?, ST_GeomFromText(?, 4326))")) {
                statement.setObject(1, id);
                statement.setString(2, kind);
                statement.setString(3, code);
                statement.setString(4, name);
                statement.setString(5, wkt);
                return statement.executeUpdate();
            }
        });
        return id;
    }

    /** One incident; {@code area} may be null. Returns its id. */
    UUID incident(Connection connection, String key, LocalDateTime local, ZoneId zone, String category, String source,
            String address, Double lon, Double lat, UUID area) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO incident (id, source_key, batch_id, "
                + "occurred_at, source_zone, local_date, local_hour, local_dow, category_code, category_source, address, "
                + "lon, lat, geom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "CASE WHEN ? IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(?, ?), 4326) END)")) {
            statement.setObject(1, id);
            statement.setString(2, key);
            statement.setObject(3, batch);
            statement.setObject(4, local.atZone(zone).toOffsetDateTime());
            statement.setString(5, zone.getId());
            statement.setDate(6, Date.valueOf(local.toLocalDate()));
            statement.setInt(7, local.getHour());
            statement.setInt(8, local.getDayOfWeek().getValue());
            statement.setString(9, category);
            statement.setString(10, source);
            statement.setString(11, address);
            statement.setObject(12, lon);
            statement.setObject(13, lat);
            statement.setObject(14, lon);
            statement.setObject(15, lon);
            statement.setObject(16, lat);
            statement.executeUpdate();
        }
        if (area != null) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO incident_area (incident_id, kind, area_id) SELECT ?, kind, id FROM area WHERE id = ?")) {
                statement.setObject(1, id);
                statement.setObject(2, area);
                statement.executeUpdate();
            }
        }
        return id;
    }

    UUID analysisRun(String kind, String parameters, Instant from, Instant to, long rows, Instant started) {
        UUID id = UUID.randomUUID();
        database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO analysis_run (id, kind, parameters, "
                    + "filters, data_from, data_to, row_count, started_at, elapsed_ms, app_version) "
                    + "VALUES (?, ?, ?, '{}', ?, ?, ?, ?, 1200, 'test')")) {
                statement.setObject(1, id);
                statement.setString(2, kind);
                statement.setString(3, parameters);
                statement.setObject(4, from == null ? null : from.atOffset(ZoneOffset.UTC));
                statement.setObject(5, to == null ? null : to.atOffset(ZoneOffset.UTC));
                statement.setLong(6, rows);
                statement.setObject(7, started.atOffset(ZoneOffset.UTC));
                return statement.executeUpdate();
            }
        });
        return id;
    }

    UUID hotspot(UUID run, int rank, String label, String wkt, long count, List<UUID> members) {
        UUID id = UUID.randomUUID();
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO hotspot (id, run_id, rank, label, "
                    + "geom, incident_count, area_m2, density_per_km2, score, z_score, p_value, confidence) VALUES "
                    + "(?, ?, ?, ?, ST_GeomFromText(?, 4326), ?, 40000, ?, NULL, 3.2, 0.001, 99)")) {
                statement.setObject(1, id);
                statement.setObject(2, run);
                statement.setInt(3, rank);
                statement.setString(4, label);
                statement.setString(5, wkt);
                statement.setLong(6, count);
                statement.setDouble(7, count / 0.04);
                statement.executeUpdate();
            }
            if (!members.isEmpty()) {
                HotspotMembers.write(connection, id, members.toArray(UUID[]::new));
            }
            return null;
        });
        return id;
    }

    void forecastPoint(UUID run, String series, UUID area, LocalDate monday, double mean) {
        database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO forecast_point (id, run_id, "
                    + "series_key, area_id, category_group, period_start, period, mean, lower80, upper80, lower95, upper95, "
                    + "point_forecast) VALUES (?, ?, ?, ?, NULL, ?, 'WEEK', ?, ?, ?, ?, ?, ?)")) {
                statement.setObject(1, UUID.randomUUID());
                statement.setObject(2, run);
                statement.setString(3, series);
                statement.setObject(4, area);
                statement.setDate(5, Date.valueOf(monday));
                statement.setDouble(6, mean);
                statement.setDouble(7, mean * 0.9);
                statement.setDouble(8, mean * 1.1);
                statement.setDouble(9, mean * 0.85);
                statement.setDouble(10, mean * 1.15);
                statement.setDouble(11, Math.floor(mean));
                return statement.executeUpdate();
            }
        });
    }

    UUID alert(String rule, String title, String severity, String status, UUID area, Instant raised) {
        UUID ruleId = database.withConnection(connection -> {
            try (PreparedStatement find = connection.prepareStatement("SELECT id FROM alert_rule WHERE name = ?")) {
                find.setString(1, rule);
                try (var rs = find.executeQuery()) {
                    if (rs.next()) {
                        return rs.getObject(1, UUID.class);
                    }
                }
            }
            UUID id = UUID.randomUUID();
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO alert_rule (id, name, kind, "
                    + "definition) VALUES (?, ?, 'THRESHOLD', 'kind: threshold')")) {
                statement.setObject(1, id);
                statement.setString(2, rule);
                statement.executeUpdate();
            }
            return id;
        });
        UUID id = UUID.randomUUID();
        database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO alert (id, rule_id, evidence_key, "
                    + "severity, area_id, title, evidence, status, raised_at) VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?)")) {
                statement.setObject(1, id);
                statement.setObject(2, ruleId);
                statement.setString(3, id.toString());
                statement.setString(4, severity);
                statement.setObject(5, area);
                statement.setString(6, title);
                statement.setString(7, status);
                statement.setTimestamp(8, Timestamp.from(raised));
                return statement.executeUpdate();
            }
        });
        return id;
    }

    /** Philadelphia police districts as areas of kind "district"; returns code to id. */
    Map<String, UUID> philadelphiaDistricts(Path geojson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(geojson.toFile());
        Map<String, UUID> ids = new HashMap<>();
        for (JsonNode feature : root.get("features")) {
            String code = feature.get("properties").get("dist_numc").asText();
            String geometry = feature.get("geometry").toString();
            UUID id = UUID.randomUUID();
            database.withConnection(connection -> {
                try (PreparedStatement statement = connection.prepareStatement("INSERT INTO area (id, kind, code, name, geom) "
                        + "VALUES (?, 'district', ?, ?, ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))")) {
                    statement.setObject(1, id);
                    statement.setString(2, code);
                    statement.setString(3, "District " + code);
                    statement.setString(4, geometry);
                    return statement.executeUpdate();
                }
            });
            ids.put(code, id);
        }
        return ids;
    }

    /**
     * Loads real Philadelphia rows whose local dispatch date falls in one of the windows, mapping columns as
     * the importer does: dc_key → source_key, UCR code → category, dc_dist → district. Returns rows loaded.
     */
    long philadelphiaRows(Path file, List<LocalDate[]> windows, Map<String, UUID> districts) throws IOException {
        Set<String> seen = new HashSet<>();
        long[] loaded = {0};
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            List<String> header = parseCsvLine(reader.readLine());
            Map<String, Integer> column = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                column.put(header.get(i), i);
            }
            List<List<String>> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                List<String> row = parseCsvLine(line);
                LocalDate date = LocalDate.parse(row.get(column.get("dispatch_date")));
                boolean wanted = windows.stream().anyMatch(w -> !date.isBefore(w[0]) && !date.isAfter(w[1]));
                if (wanted && seen.add(row.get(column.get("dc_key")))) {
                    rows.add(row);
                }
            }
            database.inTransaction(connection -> {
                for (List<String> row : rows) {
                    String ucr = row.get(column.get("ucr_general"));
                    String code = "UCR" + ucr;
                    LocalDate date = LocalDate.parse(row.get(column.get("dispatch_date")));
                    int hour = Integer.parseInt(row.get(column.get("hour")));
                    String x = row.get(column.get("point_x"));
                    String y = row.get(column.get("point_y"));
                    Double lon = x.isEmpty() ? null : Double.valueOf(x);
                    Double lat = y.isEmpty() ? null : Double.valueOf(y);
                    UUID district = districts.get(row.get(column.get("dc_dist")));
                    UUID id = UUID.randomUUID();
                    OffsetDateTime occurred = LocalDateTime.parse(row.get(column.get("dispatch_date_time")).substring(0, 19),
                            UTC_STAMP).atOffset(ZoneOffset.UTC);
                    try (PreparedStatement statement = connection.prepareStatement("INSERT INTO incident (id, source_key, "
                            + "batch_id, occurred_at, source_zone, local_date, local_hour, local_dow, category_code, "
                            + "category_source, address, lon, lat, geom) VALUES (?, ?, ?, ?, 'America/New_York', ?, ?, ?, ?, ?, "
                            + "?, ?, ?, CASE WHEN ? IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(?, ?), 4326) END)")) {
                        statement.setObject(1, id);
                        statement.setString(2, row.get(column.get("dc_key")));
                        statement.setObject(3, batch);
                        statement.setObject(4, occurred);
                        statement.setDate(5, Date.valueOf(date));
                        statement.setInt(6, hour);
                        statement.setInt(7, date.getDayOfWeek().getValue());
                        statement.setString(8, code);
                        statement.setString(9, row.get(column.get("text_general_code")));
                        statement.setString(10, row.get(column.get("location_block")));
                        statement.setObject(11, lon);
                        statement.setObject(12, lat);
                        statement.setObject(13, lon);
                        statement.setObject(14, lon);
                        statement.setObject(15, lat);
                        statement.executeUpdate();
                    }
                    category(connection, code, ucrLabel(ucr), ucrGroup(ucr));
                    if (district != null) {
                        try (PreparedStatement statement = connection.prepareStatement(
                                "INSERT INTO incident_area (incident_id, kind, area_id) VALUES (?, 'district', ?)")) {
                            statement.setObject(1, id);
                            statement.setObject(2, district);
                            statement.executeUpdate();
                        }
                    }
                    loaded[0]++;
                }
                return null;
            });
        }
        return loaded[0];
    }

    private static void category(Connection connection, String code, String label, String group) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "MERGE INTO category (code, label, category_group) KEY (code) VALUES (?, ?, ?)")) {
            statement.setString(1, code);
            statement.setString(2, label);
            statement.setString(3, group);
            statement.executeUpdate();
        }
    }

    static String ucrLabel(String ucr) {
        return switch (ucr) {
            case "100" -> "Homicide";
            case "200" -> "Rape";
            case "300" -> "Robbery";
            case "400" -> "Aggravated Assault";
            case "500" -> "Burglary";
            case "600" -> "Theft";
            case "700" -> "Vehicle Theft";
            case "800" -> "Other Assault";
            case "1400" -> "Vandalism";
            case "1800" -> "Narcotics";
            default -> "UCR " + ucr;
        };
    }

    static String ucrGroup(String ucr) {
        int code = Integer.parseInt(ucr);
        return code <= 400 ? "Violent" : code <= 700 ? "Property" : "Other";
    }

    /** RFC 4180 line parsing (the Philadelphia files quote fields with commas and double their quotes). */
    static List<String> parseCsvLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}

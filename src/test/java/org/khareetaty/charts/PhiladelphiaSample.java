package org.khareetaty.charts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.khareetaty.store.Database;

/**
 * Real Philadelphia incidents (every 97th row of 2024 and 2025, 3,227 rows) inserted straight into V1's tables,
 * with police districts as areas. Stands in for the importer in chart tests. District populations are test values.
 */
final class PhiladelphiaSample {

    /** One sample row as read from the file. */
    record Row(String key, OffsetDateTime occurredAt, LocalDate localDate, int hour, String district, String ucr,
            String category, Double lon, Double lat) {
    }

    static final String DISTRICT = "district";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssX");

    final List<Row> rows;
    final Map<String, UUID> districts = new LinkedHashMap<>();

    private PhiladelphiaSample(List<Row> rows) {
        this.rows = rows;
    }

    static List<Row> read() throws IOException {
        List<Row> rows = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        try (InputStream in = PhiladelphiaSample.class.getResourceAsStream("philadelphia-2024-2025-sample.csv.gz");
                BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                        StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                if (!keys.add(f[0])) {
                    continue;   // the source repeats some incidents; the key is unique in the store
                }
                rows.add(new Row(f[0], OffsetDateTime.parse(f[1], UTC_TIME), LocalDate.parse(f[2]),
                        Integer.parseInt(f[3]), f[4], f[5], f[6], f[7].isEmpty() ? null : Double.valueOf(f[7]),
                        f[8].isEmpty() ? null : Double.valueOf(f[8])));
            }
        }
        return rows;
    }

    static String code(String category) {
        return category.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
    }

    static String group(String ucr) {
        int code = Integer.parseInt(ucr);
        return code <= 400 ? "violent" : code <= 700 ? "property" : "other";
    }

    /** Inserts the sample into an empty, migrated database. */
    static PhiladelphiaSample load(Database database) throws IOException {
        PhiladelphiaSample sample = new PhiladelphiaSample(read());
        database.inTransaction(connection -> {
            sample.insert(connection);
            return null;
        });
        return sample;
    }

    private void insert(Connection connection) throws SQLException {
        UUID batch = UUID.randomUUID();
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO import_batch (id, started_at, status) VALUES (?, CURRENT_TIMESTAMP, 'COMPLETE')")) {
            statement.setObject(1, batch);
            statement.executeUpdate();
        }
        Map<String, String> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            groups.putIfAbsent(row.category(), group(row.ucr()));
            districts.computeIfAbsent(row.district(), d -> UUID.randomUUID());
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO category (code, label, category_group) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> entry : groups.entrySet()) {
                statement.setString(1, code(entry.getKey()));
                statement.setString(2, entry.getKey());
                statement.setString(3, entry.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO area (id, kind, code, name, population, geom) VALUES (?, ?, ?, ?, ?, ?)")) {
            int index = 0;
            for (Map.Entry<String, UUID> entry : districts.entrySet()) {
                statement.setObject(1, entry.getValue());
                statement.setString(2, DISTRICT);
                statement.setString(3, entry.getKey());
                statement.setString(4, "District " + entry.getKey());
                if (index % 4 == 3) {
                    statement.setNull(5, java.sql.Types.BIGINT);   // some areas without population
                } else {
                    statement.setLong(5, 50_000L + 10_000L * index);
                }
                statement.setString(6, "SRID=4326;POLYGON ((-75.3 39.8, -74.9 39.8, -74.9 40.2, -75.3 40.2, -75.3 39.8))");
                statement.addBatch();
                index++;
            }
            statement.executeBatch();
        }
        try (PreparedStatement incident = connection.prepareStatement("INSERT INTO incident (id, source_key, batch_id,"
                + " occurred_at, source_zone, local_date, local_hour, local_dow, category_code, category_source, lon, lat)"
                + " VALUES (?, ?, ?, ?, 'America/New_York', ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement area = connection.prepareStatement(
                        "INSERT INTO incident_area (incident_id, kind, area_id) VALUES (?, ?, ?)")) {
            for (Row row : rows) {
                UUID id = UUID.randomUUID();
                incident.setObject(1, id);
                incident.setString(2, row.key());
                incident.setObject(3, batch);
                incident.setObject(4, row.occurredAt());
                incident.setDate(5, Date.valueOf(row.localDate()));
                incident.setInt(6, row.hour());
                incident.setInt(7, row.localDate().getDayOfWeek().getValue());
                incident.setString(8, code(row.category()));
                incident.setString(9, row.category());
                incident.setObject(10, row.lon());
                incident.setObject(11, row.lat());
                incident.addBatch();
                area.setObject(1, id);
                area.setString(2, DISTRICT);
                area.setObject(3, districts.get(row.district()));
                area.addBatch();
            }
            incident.executeBatch();
            area.executeBatch();
        }
    }
}

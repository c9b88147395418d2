package org.khareetaty.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Writes incidents and areas straight into the V1 tables for tests that need data before (or without)
 * the importer. Random but seeded, so a failing test fails the same way again.
 */
public final class TestIncidents {

    /** One incident to insert; lon/lat may be null. */
    public record Incident(UUID id, String sourceKey, Instant occurredAt, String category, Double lon, Double lat) {
    }

    private TestIncidents() {
    }

    /** {@code count} incidents in a box around Philadelphia's centre across 2024, some without location. */
    public static List<Incident> random(int count, long seed) {
        Random random = new Random(seed);
        String[] categories = {"THEFT", "ASSAULT", "BURGLARY", "VEHICLE_THEFT", "ROBBERY"};
        Instant start = Instant.parse("2024-01-01T05:00:00Z");
        List<Incident> incidents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant at = start.plusSeconds((long) (random.nextDouble() * 365 * 86400));
            boolean located = random.nextInt(20) != 0;
            incidents.add(new Incident(new UUID(seed, i), "K" + seed + "-" + i, at, categories[random.nextInt(categories.length)],
                    located ? -75.25 + random.nextDouble() * 0.2 : null, located ? 39.90 + random.nextDouble() * 0.15 : null));
        }
        return incidents;
    }

    /** Inserts the incidents in one new COMPLETE batch, with local fields computed in {@code zone}. */
    public static UUID insert(Database database, List<Incident> incidents, ZoneId zone) {
        UUID batch = UUID.randomUUID();
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO import_batch (id, started_at, finished_at, status, rows_read, rows_accepted) VALUES (?, ?, ?, 'COMPLETE', ?, ?)")) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                statement.setObject(1, batch);
                statement.setObject(2, now);
                statement.setObject(3, now);
                statement.setLong(4, incidents.size());
                statement.setLong(5, incidents.size());
                statement.executeUpdate();
            }
            insertIncidents(connection, batch, incidents, zone);
            return null;
        });
        return batch;
    }

    private static void insertIncidents(Connection connection, UUID batch, List<Incident> incidents, ZoneId zone) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO incident (id, source_key, batch_id, "
                + "occurred_at, source_zone, local_date, local_hour, local_dow, category_code, category_source, address, lon, lat, geom) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(?, ?), 4326) END)")) {
            for (Incident incident : incidents) {
                LocalDateTime local = LocalDateTime.ofInstant(incident.occurredAt(), zone);
                statement.setObject(1, incident.id());
                statement.setString(2, incident.sourceKey());
                statement.setObject(3, batch);
                statement.setObject(4, incident.occurredAt().atOffset(ZoneOffset.UTC));
                statement.setString(5, zone.getId());
                statement.setObject(6, local.toLocalDate());
                statement.setInt(7, local.getHour());
                statement.setInt(8, local.getDayOfWeek().getValue());
                statement.setString(9, incident.category());
                statement.setString(10, incident.category().toLowerCase(java.util.Locale.ROOT));
                statement.setString(11, "100 BLOCK TEST ST");
                statement.setObject(12, incident.lon());
                statement.setObject(13, incident.lat());
                statement.setObject(14, incident.lon());
                statement.setObject(15, incident.lon());
                statement.setObject(16, incident.lat());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Inserts a rectangular area of a kind and assigns the incidents inside it; returns the area id. */
    public static UUID insertBoxArea(Database database, String kind, String code, double minLon, double minLat,
            double maxLon, double maxLat) {
        UUID id = UUID.randomUUID();
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO area (id, kind, code, name, geom) VALUES (?, ?, ?, ?, ST_MakeEnvelope(?, ?, ?, ?, 4326))")) {
                statement.setObject(1, id);
                statement.setString(2, kind);
                statement.setString(3, code);
                statement.setString(4, "Area " + code);
                statement.setDouble(5, minLon);
                statement.setDouble(6, minLat);
                statement.setDouble(7, maxLon);
                statement.setDouble(8, maxLat);
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO incident_area (incident_id, kind, area_id) SELECT id, ?, ? FROM incident "
                            + "WHERE lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")) {
                statement.setString(1, kind);
                statement.setObject(2, id);
                statement.setDouble(3, minLon);
                statement.setDouble(4, maxLon);
                statement.setDouble(5, minLat);
                statement.setDouble(6, maxLat);
                statement.executeUpdate();
            }
            return null;
        });
        return id;
    }
}

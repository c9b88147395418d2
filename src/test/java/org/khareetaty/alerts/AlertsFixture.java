package org.khareetaty.alerts;

import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.khareetaty.security.Principal;
import org.khareetaty.core.CoreServices;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.store.Database;

/** Test data for alerts: a real data folder with areas, categories, incidents, runs and outbox rows. */
final class AlertsFixture implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    final CoreServices core;
    final Database db;
    private final UUID batch = UUID.randomUUID();

    AlertsFixture(Path dir) {
        core = CoreServices.open(new DataFolder(dir));
        db = core.database();
        core.settings().set(Settings.AGENCY_ZONE, ZONE);
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO import_batch (id, started_at, status) KEY (id) VALUES (?, ?, 'COMPLETE')")) {
                s.setObject(1, batch);
                s.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                s.executeUpdate();
            }
            for (String[] category : new String[][] {{"VEHICLE_THEFT", "property"}, {"BURGLARY", "property"},
                {"DRUGS", "drugs"}, {"ASSAULT", "violent"}}) {
                try (PreparedStatement s = c.prepareStatement("MERGE INTO category (code, label, category_group) KEY (code) VALUES (?, ?, ?)")) {
                    s.setString(1, category[0]);
                    s.setString(2, category[0]);
                    s.setString(3, category[1]);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    /** A square district from (lon, lat) with side {@code size} degrees. */
    UUID area(String code, String name, double lon, double lat, double size) {
        UUID id = UUID.randomUUID();
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO area (id, kind, code, name, geom) VALUES (?, 'district', ?, ?, ST_GeomFromText(?, 4326))")) {
                s.setObject(1, id);
                s.setString(2, code);
                s.setString(3, name);
                s.setString(4, String.format(java.util.Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))",
                        lon, lat, lon + size, lat, lon + size, lat + size, lon, lat + size, lon, lat));
                s.executeUpdate();
            }
            return null;
        });
        return id;
    }

    UUID incident(String category, Instant at, double lon, double lat, UUID area) {
        UUID id = UUID.randomUUID();
        db.inTransaction(c -> {
            var local = at.atZone(ZONE);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO incident (id, source_key, batch_id, occurred_at, "
                    + "source_zone, local_date, local_hour, local_dow, category_code, category_source, lon, lat, geom) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326))")) {
                s.setObject(1, id);
                s.setString(2, id.toString());
                s.setObject(3, batch);
                s.setObject(4, at.atOffset(ZoneOffset.UTC));
                s.setString(5, ZONE.getId());
                s.setObject(6, local.toLocalDate());
                s.setInt(7, local.getHour());
                s.setInt(8, local.getDayOfWeek().getValue());
                s.setString(9, category);
                s.setString(10, category.toLowerCase());
                s.setDouble(11, lon);
                s.setDouble(12, lat);
                s.setDouble(13, lon);
                s.setDouble(14, lat);
                s.executeUpdate();
            }
            if (area != null) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO incident_area (incident_id, kind, area_id) VALUES (?, 'district', ?)")) {
                    s.setObject(1, id);
                    s.setObject(2, area);
                    s.executeUpdate();
                }
            }
            return null;
        });
        return id;
    }

    UUID run(String kind, Instant startedAt) {
        UUID id = UUID.randomUUID();
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO analysis_run (id, kind, parameters, filters, row_count, "
                    + "started_at, elapsed_ms, app_version) VALUES (?, ?, '{}', '{}', 0, ?, 1, 'test')")) {
                s.setObject(1, id);
                s.setString(2, kind);
                s.setObject(3, startedAt.atOffset(ZoneOffset.UTC));
                s.executeUpdate();
            }
            return null;
        });
        return id;
    }

    /** A square hotspot polygon around (lon, lat). */
    UUID hotspot(UUID run, int rank, double lon, double lat, double score, long count) {
        UUID id = UUID.randomUUID();
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO hotspot (id, run_id, rank, geom, incident_count, area_m2, "
                    + "density_per_km2, score) VALUES (?, ?, ?, ST_GeomFromText(?, 4326), ?, 1000, 1, ?)")) {
                s.setObject(1, id);
                s.setObject(2, run);
                s.setInt(3, rank);
                double d = 0.002;
                s.setString(4, String.format(java.util.Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))",
                        lon - d, lat - d, lon + d, lat - d, lon + d, lat + d, lon - d, lat + d, lon - d, lat - d));
                s.setLong(5, count);
                s.setDouble(6, score);
                s.executeUpdate();
            }
            return null;
        });
        return id;
    }

    void forecast(UUID run, UUID area, String group, LocalDate day, double mean, double upper95) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO forecast_point (id, run_id, series_key, area_id, "
                    + "category_group, period_start, period, mean, lower80, upper80, lower95, upper95, point_forecast) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'DAY', ?, 0, ?, 0, ?, ?)")) {
                s.setObject(1, UUID.randomUUID());
                s.setObject(2, run);
                s.setString(3, "district:" + area + "|group:" + group);
                s.setObject(4, area);
                s.setString(5, group);
                s.setObject(6, day);
                s.setDouble(7, mean);
                s.setDouble(8, upper95 * 0.9);
                s.setDouble(9, upper95);
                s.setDouble(10, mean);
                s.executeUpdate();
            }
            return null;
        });
    }

    AlertRule rule(String yaml) {
        return core.alerts().rules().save(Principal.BOOTSTRAP, null, yaml);
    }

    /** Points the Twilio settings at a fake server, with the token in the secret store. */
    void twilio(URI base, int timeoutMillis) {
        core.settings().setFromText(AlertSettings.TWILIO_ACCOUNT_SID, "ACtest");
        core.settings().setFromText(AlertSettings.TWILIO_SMS_FROM, "+15550000000");
        core.settings().setFromText(AlertSettings.TWILIO_WHATSAPP_FROM, "+15550000001");
        core.settings().setFromText(AlertSettings.TWILIO_API_BASE, base.toString());
        core.settings().set(AlertSettings.TWILIO_TIMEOUT_MILLIS, timeoutMillis);
        core.settings().set(AlertSettings.TWILIO_AUTH_TOKEN_ENCRYPTED, core.secrets().encrypt("test-token-123"));
    }

    /** {@code count} alerts of one rule, each with one SMS outbox row to one of {@code recipients}. */
    static List<UUID> queueDirect(Database db, UUID ruleId, int count, List<String> recipients, Channel channel) {
        List<UUID> ids = new ArrayList<>();
        db.inTransaction(c -> {
            try (PreparedStatement alert = c.prepareStatement("INSERT INTO alert (id, rule_id, evidence_key, severity, title, "
                    + "evidence, status, raised_at) VALUES (?, ?, ?, 'HIGH', ?, '{}', 'OPEN', CURRENT_TIMESTAMP)");
                    PreparedStatement outbox = c.prepareStatement("INSERT INTO notification_outbox (id, alert_id, channel, "
                            + "recipient, body, status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', "
                            + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                for (int i = 0; i < count; i++) {
                    UUID alertId = UUID.randomUUID();
                    alert.setObject(1, alertId);
                    alert.setObject(2, ruleId);
                    alert.setString(3, "test:" + alertId);
                    alert.setString(4, "Alert " + i);
                    alert.addBatch();
                    UUID outboxId = UUID.randomUUID();
                    outbox.setObject(1, outboxId);
                    outbox.setObject(2, alertId);
                    outbox.setString(3, channel.name());
                    outbox.setString(4, channel.address(recipients.get(i % recipients.size())));
                    outbox.setString(5, "تنبيه Alert " + i + " " + alertId.toString().substring(0, 8));
                    outbox.addBatch();
                    ids.add(outboxId);
                }
                alert.executeBatch();
                outbox.executeBatch();
            }
            return null;
        });
        return ids;
    }

    @Override
    public void close() {
        core.close();
    }
}

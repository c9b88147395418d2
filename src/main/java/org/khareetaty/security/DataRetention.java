package org.khareetaty.security;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.khareetaty.common.settings.SettingKey;
import org.khareetaty.security.AuditLog.Outcome;
import org.khareetaty.store.Database;

/** The data-retention policy: incidents older than N years are purged, with their raw rows; audited. */
public final class DataRetention {

    /** 0 keeps everything. */
    public static final SettingKey<Integer> KEEP_YEARS = SettingKey.integer("retention.incidentYears", 0, 0, 100);

    private final Database database;
    private final Clock clock;
    private final AuditLog audit;

    public DataRetention(Database database, Clock clock, AuditLog audit) {
        this.database = database;
        this.clock = clock;
        this.audit = audit;
    }

    /** Deletes incidents whose local date is before today minus {@code years}; returns how many went. */
    public long purgeOlderThan(Principal actor, int years, ZoneId zone) {
        actor.require(Permission.BACKUP);
        if (years <= 0) {
            return 0;
        }
        LocalDate cutoff = LocalDate.now(clock.withZone(zone)).minusYears(years);
        long purged = database.inTransaction(connection -> {
            try (PreparedStatement raw = connection.prepareStatement(
                    "DELETE FROM raw_incident WHERE id IN (SELECT raw_id FROM incident WHERE local_date < ? AND raw_id IS NOT NULL)");
                    PreparedStatement incidents = connection.prepareStatement("DELETE FROM incident WHERE local_date < ?")) {
                raw.setDate(1, Date.valueOf(cutoff));
                raw.executeUpdate();
                incidents.setDate(1, Date.valueOf(cutoff));
                return (long) incidents.executeUpdate();
            }
        });
        audit.record(actor, "RETENTION_PURGE", "incidents before " + cutoff, Outcome.SUCCESS, purged + " incidents purged");
        return purged;
    }
}

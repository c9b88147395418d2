package org.khareetaty.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.store.Database;
import org.khareetaty.store.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Until an administrator chooses the agency's time zone, the first completed import chooses it: the zone its
 * incidents were recorded in. Otherwise a Philadelphia workstation would show every time, week and report in the
 * built-in default (Kuwait), eight hours off the local days the import derived.
 */
public final class AgencyZoneFromData implements ImportListener {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyZoneFromData.class);

    private final Database database;
    private final SettingsStore settings;

    public AgencyZoneFromData(Database database, SettingsStore settings) {
        this.database = database;
        this.settings = settings;
    }

    @Override
    public void dataChanged(ImportReport report) {
        if (report.batchId() == null || !"COMPLETE".equals(report.status())
                || settings.raw(Settings.AGENCY_ZONE.key()).isPresent()) {
            return;
        }
        String zone = database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT source_zone FROM incident WHERE batch_id = ? LIMIT 1")) {
                statement.setObject(1, report.batchId());
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (zone != null) {
            settings.set(Settings.AGENCY_ZONE, ZoneId.of(zone));
            LOG.info("The agency's time zone was not set; set to {}, the zone of the first imported incidents", zone);
        }
    }
}

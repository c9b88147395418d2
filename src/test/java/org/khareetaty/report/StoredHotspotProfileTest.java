package org.khareetaty.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.analysis.hotspot.AreaBoundaries;
import org.khareetaty.analysis.hotspot.HotspotParameters;
import org.khareetaty.analysis.hotspot.HotspotRunRepository;
import org.khareetaty.analysis.hotspot.HotspotService;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.events.DataEvents;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentSnapshots;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;

/**
 * Weekly reports take a clustered hotspot's profile from what the analysis stored with it (ADR 0023) instead
 * of looking up every member again; it must equal the profile SQL computes over the members.
 */
class StoredHotspotProfileTest {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    @TempDir
    Path folder;

    Database database;
    HotspotService hotspots;

    @BeforeEach
    void open() {
        database = TestDatabases.open(folder);
        hotspots = new HotspotService(new IncidentSnapshots(database), new HotspotRunRepository(database),
                new AreaBoundaries(database), Clock.systemUTC(), "test", new DataEvents());
        TestIncidents.insert(database, clusters(2_400, 7), ZONE);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Three clusters of mixed categories over a year, around the clock, with unlocated incidents between. */
    private static List<TestIncidents.Incident> clusters(int count, long seed) {
        Random random = new Random(seed);
        String[] categories = {"THEFT", "ASSAULT", "BURGLARY", "ROBBERY", "VANDALISM", "FRAUD", "ARSON"};
        double[][] centres = {{-75.163, 39.952}, {-75.130, 39.990}, {-75.200, 39.930}};
        Instant start = Instant.parse("2024-01-01T05:00:00Z");
        List<TestIncidents.Incident> incidents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] centre = centres[i % centres.length];
            boolean located = i % 17 != 0;
            Instant at = start.plusSeconds((long) (random.nextDouble() * 365 * 86400));
            incidents.add(new TestIncidents.Incident(new UUID(seed, i), "P" + i, at,
                    categories[Math.min(categories.length - 1, (int) Math.abs(random.nextGaussian() * 2.5))],
                    located ? centre[0] + random.nextGaussian() * 0.0008 : null,
                    located ? centre[1] + random.nextGaussian() * 0.0006 : null));
        }
        return incidents;
    }

    @Test
    void storedProfileOfEveryClusterEqualsSqlOverItsMembers() {
        HotspotService.Outcome outcome = hotspots.dbscan(IncidentFilter.ALL, new HotspotParameters.Dbscan(150, 20), true,
                "analyst", TaskContext.NONE);
        assertThat(outcome.hotspots()).hasSizeGreaterThanOrEqualTo(3);
        database.withConnection(connection -> {
            for (org.khareetaty.report.Hotspot hotspot : HotspotRuns.hotspots(connection, outcome.run().id(), 10)) {
                IncidentProfile stored = IncidentProfiles.stored(connection, hotspot).orElseThrow();
                IncidentProfile fromSql = IncidentProfiles.profile(connection, IncidentSelection.membersOf(hotspot.id()));
                assertThat(stored.total()).isEqualTo(fromSql.total()).isEqualTo(hotspot.incidentCount());
                assertThat(stored.located()).isEqualTo(fromSql.located());
                assertThat(stored.weekdayHour()).isDeepEqualTo(fromSql.weekdayHour());
                assertThat(stored.firstDate()).isEqualTo(fromSql.firstDate());
                assertThat(stored.lastDate()).isEqualTo(fromSql.lastDate());
                // The analysis keeps the leading categories; SQL has them all, ties in code order.
                assertThat(stored.categories()).isNotEmpty();
                assertThat(stored.categories()).allSatisfy(c -> assertThat(fromSql.categories()).contains(c));
                assertThat(stored.categories().get(0).count()).isEqualTo(fromSql.categories().get(0).count());
            }
            return null;
        });
    }

    @Test
    void hotspotsStoredWithoutTheTimeProfileFallBackToSql() {
        HotspotService.Outcome outcome = hotspots.dbscan(IncidentFilter.ALL, new HotspotParameters.Dbscan(150, 20), true,
                "analyst", TaskContext.NONE);
        UUID first = outcome.hotspots().get(0).id();
        database.withConnection(connection -> {
            try (var update = connection.prepareStatement("UPDATE hotspot SET profile = "
                    + "'{\"categories\":[],\"hours\":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],"
                    + "\"weekdays\":[0,0,0,0,0,0,0],\"areas\":[]}' WHERE id = ?")) {
                update.setObject(1, first);
                update.executeUpdate();
            }
            org.khareetaty.report.Hotspot hotspot = HotspotRuns.hotspots(connection, outcome.run().id(), 1).get(0);
            assertThat(hotspot.id()).isEqualTo(first);
            assertThat(IncidentProfiles.stored(connection, hotspot)).isEmpty();
            return null;
        });
    }
}

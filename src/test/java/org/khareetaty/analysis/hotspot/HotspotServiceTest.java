package org.khareetaty.analysis.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.events.DataEvents;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentSnapshots;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;

/** Runs the analyses on a real temporary database and reads the stored runs back. */
class HotspotServiceTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @TempDir
    Path folder;

    private Database database;
    private HotspotService service;
    private final List<String> finishedRuns = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DataEvents events = new DataEvents();

    @BeforeEach
    void open() {
        events.addListener(new DataEvents.Listener() {
            @Override
            public void analysisFinished(UUID runId, String kind) {
                finishedRuns.add(kind + " " + runId);
            }
        });
        database = TestDatabases.open(folder);
        service = new HotspotService(new IncidentSnapshots(database), new HotspotRunRepository(database),
                new AreaBoundaries(database), Clock.systemUTC(), "test", events);
        TestIncidents.insert(database, clustered(3_000, 21), ZONE);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Two dense clusters of thefts and assaults over a scatter of other incidents across 2024. */
    private static List<TestIncidents.Incident> clustered(int count, long seed) {
        Random random = new Random(seed);
        List<TestIncidents.Incident> incidents = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T05:00:00Z");
        for (int i = 0; i < count; i++) {
            double lon;
            double lat;
            String category;
            if (i % 3 == 0) {
                lon = -75.163 + random.nextGaussian() * 0.0008;
                lat = 39.952 + random.nextGaussian() * 0.0006;
                category = "THEFT";
            } else if (i % 3 == 1 && i < count / 2) {
                lon = -75.130 + random.nextGaussian() * 0.0008;
                lat = 39.990 + random.nextGaussian() * 0.0006;
                category = "ASSAULT";
            } else {
                lon = -75.25 + random.nextDouble() * 0.2;
                lat = 39.90 + random.nextDouble() * 0.15;
                category = "VANDALISM";
            }
            Instant at = start.plusSeconds((long) (random.nextDouble() * 365 * 86400));
            incidents.add(new TestIncidents.Incident(new UUID(seed, i), "S" + seed + "-" + i, at, category, lon, lat));
        }
        return incidents;
    }

    @Test
    void dbscanRunIsStoredAndReopened() {
        TestIncidents.insertBoxArea(database, "district", "9", -75.17, 39.94, -75.15, 39.96);
        HotspotService.Outcome outcome = service.dbscan(IncidentFilter.ALL, new HotspotParameters.Dbscan(150, 25), true,
                "analyst", TaskContext.NONE);

        assertThat(outcome.hotspots()).hasSizeGreaterThanOrEqualTo(2);
        Hotspot first = outcome.hotspots().get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.incidentCount()).isGreaterThan(800);
        assertThat(first.geometry().getNumPoints()).isLessThanOrEqualTo(HotspotBuilder.MAX_VERTICES);
        assertThat(first.geometry().getSRID()).isEqualTo(4326);
        assertThat(first.geometry().getCentroid().getX()).isBetween(-75.17, -75.12);
        assertThat(first.areaM2()).isGreaterThan(10_000);
        assertThat(first.densityPerKm2()).isEqualTo(first.incidentCount() / (first.areaM2() / 1e6));
        assertThat(first.profile().categories().get(0).category()).isIn("THEFT", "ASSAULT");
        assertThat(java.util.Arrays.stream(first.profile().hours()).sum()).isEqualTo((int) first.incidentCount());
        assertThat(java.util.Arrays.stream(first.profile().weekdays()).sum()).isEqualTo((int) first.incidentCount());
        Hotspot theft = outcome.hotspots().stream()
                .filter(h -> h.profile().categories().get(0).category().equals("THEFT")).findFirst().orElseThrow();
        assertThat(theft.profile().areas()).extracting(HotspotProfile.AreaShare::name).contains("Area 9");
        assertThat(theft.label()).contains("Area 9");

        HotspotRun run = outcome.run();
        assertThat(run.projection()).isEqualTo("EPSG:32618 WGS 84 / UTM zone 18N");
        assertThat(run.rowCount()).isEqualTo(database.withConnection(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM incident WHERE lon IS NOT NULL")) {
                rs.next();
                return rs.getLong(1);
            }
        }));

        HotspotRun reopened = service.runs().findByPrefix(run.id().toString().substring(0, 8));
        assertThat(reopened.id()).isEqualTo(run.id());
        assertThat(reopened.kind()).isEqualTo(RunKind.DBSCAN);
        assertThat(reopened.parameters()).containsEntry("minPoints", 25).containsEntry("epsMetres", 150.0);
        assertThat(reopened.filter()).isEqualTo(IncidentFilter.ALL);
        assertThat(reopened.fromDay()).isEqualTo(run.fromDay());
        assertThat(reopened.firstIncident()).isEqualTo(run.firstIncident());
        assertThat(reopened.summary()).containsEntry("clusters", outcome.hotspots().size());
        assertThat(reopened.username()).isEqualTo("analyst");

        List<Hotspot> stored = service.hotspots(run.id());
        assertThat(stored).hasSameSizeAs(outcome.hotspots());
        for (int i = 0; i < stored.size(); i++) {
            Hotspot a = outcome.hotspots().get(i);
            Hotspot b = stored.get(i);
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(b.label()).isEqualTo(a.label());
            assertThat(b.incidentCount()).isEqualTo(a.incidentCount());
            assertThat(b.areaM2()).isEqualTo(a.areaM2());
            assertThat(b.geometry().equalsExact(a.geometry(), 1e-12)).isTrue();
            assertThat(b.profile().hours()).isEqualTo(a.profile().hours());
            assertThat(b.profile().categories()).isEqualTo(a.profile().categories());
            assertThat(b.profile().areas()).isEqualTo(a.profile().areas());
            assertThat(service.runs().incidentIds(b.id())).hasSize((int) b.incidentCount());
        }
    }

    @Test
    void filtersLimitTheIncidents() {
        IncidentFilter thefts = IncidentFilter.ALL.withCategories(Set.of("THEFT"))
                .withDates(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
        HotspotService.Outcome outcome = service.dbscan(thefts, new HotspotParameters.Dbscan(150, 10), false, null,
                TaskContext.NONE);
        assertThat(outcome.saved()).isFalse();
        assertThat(outcome.hotspots()).hasSize(1);
        assertThat(outcome.hotspots().get(0).profile().categories()).extracting(HotspotProfile.CategoryShare::category)
                .containsExactly("THEFT");
        assertThat(outcome.run().fromDay()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(outcome.run().toDay()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(service.runs().list()).isEmpty();
        assertThat(finishedRuns).as("a run that is not stored is not announced").isEmpty();
        assertThatThrownBy(() -> service.dbscan(IncidentFilter.ALL.withCategories(Set.of("NONE")),
                new HotspotParameters.Dbscan(150, 10), false, null, TaskContext.NONE))
                .hasMessageContaining("No located incidents");
    }

    @Test
    void kernelDensityGridIsStoredAndExported() throws Exception {
        HotspotService.Outcome outcome = service.kernelDensity(IncidentFilter.ALL,
                new HotspotParameters.Kde(KernelDensity.Kernel.GAUSSIAN, 200, 100, HotspotParameters.Period.WEEK),
                true, null, TaskContext.NONE);
        GridSurface density = outcome.grids().get(0);
        assertThat(density.unit()).isEqualTo("incidents per km² per week");
        assertThat(density.max()).isGreaterThan(0);
        List<GridSurface> stored = service.runs().grids(outcome.run().id(),
                MetricProjection.parse(outcome.run().projection()));
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).values()).isEqualTo(density.values());
        assertThat(stored.get(0).originX()).isEqualTo(density.originX());
        assertThat(finishedRuns).containsExactly("KDE " + outcome.run().id());

        Path asc = folder.resolve("density.asc");
        GridExport.write(density, asc);
        List<String> lines = Files.readAllLines(asc);
        assertThat(lines.get(0)).isEqualTo("ncols " + density.columns());
        assertThat(lines).hasSize(6 + density.rows());
        assertThat(Files.readString(folder.resolve("density.prj"))).contains("Transverse_Mercator", "-75.0");
        Path tif = folder.resolve("density.tif");
        GridExport.write(density, tif);
        assertThat(Files.size(tif)).isGreaterThan(8L * density.values().length);
    }

    @Test
    void giStarFindsTheClustersAsHotSpots() {
        HotspotService.Outcome outcome = service.giStar(IncidentFilter.ALL, HotspotParameters.GiStar.grid(150), true,
                null, TaskContext.NONE);
        assertThat(outcome.hotspots()).isNotEmpty();
        Hotspot hottest = outcome.hotspots().get(0);
        assertThat(hottest.confidence()).isEqualTo(99);
        assertThat(hottest.label()).startsWith("Hot spot 1");
        assertThat(hottest.zScore()).isGreaterThan(3);
        assertThat(outcome.grids()).extracting(GridSurface::name).contains("gistar_z", "gistar_confidence", "counts");
        assertThat(service.hotspots(outcome.run().id())).hasSameSizeAs(outcome.hotspots());
    }

    @Test
    void giStarOnAreas() {
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                TestIncidents.insertBoxArea(database, "tract", "T" + i + j, -75.25 + 0.05 * i, 39.90 + 0.0375 * j,
                        -75.20 + 0.05 * i, 39.9375 + 0.0375 * j);
            }
        }
        HotspotService.Outcome outcome = service.giStar(IncidentFilter.ALL, HotspotParameters.GiStar.areas("tract"), false,
                null, TaskContext.NONE);
        assertThat(outcome.run().summary()).containsEntry("units", 16);
        assertThatThrownBy(() -> service.giStar(IncidentFilter.ALL, HotspotParameters.GiStar.areas("beat"), false, null,
                TaskContext.NONE)).hasMessageContaining("No areas of kind 'beat'");
    }

    @Test
    void comparisonWithAnEarlierRun() {
        HotspotService.Outcome firstHalf = service.dbscan(
                IncidentFilter.ALL.withDates(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)),
                new HotspotParameters.Dbscan(150, 12), true, null, TaskContext.NONE);
        HotspotService.Outcome secondHalf = service.dbscan(
                IncidentFilter.ALL.withDates(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31)),
                new HotspotParameters.Dbscan(150, 12), true, null, TaskContext.NONE);
        RunComparison comparison = service.compare(firstHalf.run(), secondHalf.run());
        assertThat(comparison.changes()).isNotEmpty();
        // A run compared with itself is entirely stable.
        RunComparison self = service.compare(firstHalf.run(), firstHalf.run());
        assertThat(self.count(RunComparison.Status.STABLE)).isEqualTo(firstHalf.hotspots().size());
        assertThat(self.count(RunComparison.Status.NEW) + self.count(RunComparison.Status.GONE)).isZero();

        HotspotService.Outcome thefts = service.dbscan(IncidentFilter.ALL.withCategories(Set.of("THEFT")),
                new HotspotParameters.Dbscan(150, 12), true, null, TaskContext.NONE);
        // Only thefts: the assault cluster is gone.
        RunComparison toThefts = service.compare(secondHalf.run(), thefts.run());
        assertThat(toThefts.count(RunComparison.Status.GONE)).as("the assault cluster").isGreaterThanOrEqualTo(1);
    }
}

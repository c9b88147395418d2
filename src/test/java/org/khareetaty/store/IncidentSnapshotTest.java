package org.khareetaty.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.IncidentFilter;

/** The in-memory snapshot must agree with SQL (IncidentSql) on every kind of filter. */
class IncidentSnapshotTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @TempDir
    Path folder;
    private Database database;
    private IncidentSnapshots snapshots;
    private IncidentRepository repository;
    private UUID north;
    private UUID south;

    @BeforeEach
    void open() {
        database = TestDatabases.open(folder);
        snapshots = new IncidentSnapshots(database);
        repository = new IncidentRepository(database, new IncidentSnapshots(database));
        TestIncidents.insert(database, TestIncidents.random(3_000, 7), ZONE);
        north = TestIncidents.insertBoxArea(database, "district", "N", -75.25, 39.975, -75.05, 40.05);
        south = TestIncidents.insertBoxArea(database, "district", "S", -75.25, 39.90, -75.05, 39.975);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void matchesSqlForEveryFilter() {
        IncidentSnapshot snapshot = snapshots.current();
        List<IncidentFilter> filters = List.of(
                IncidentFilter.ALL,
                IncidentFilter.ALL.withDates(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 5, 31)),
                IncidentFilter.ALL.withCategories(Set.of("THEFT", "ROBBERY")),
                IncidentFilter.ALL.withAreas(Set.of(north)),
                IncidentFilter.ALL.withAreas(Set.of(north, south)).withCategories(Set.of("ASSAULT")),
                IncidentFilter.ALL.withSelection(new IncidentFilter.BoundingBox(-75.2, 39.92, -75.1, 40.0)),
                IncidentFilter.ALL.withHours(Set.of(0, 13, 22))
                        .withWeekdays(Set.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.SATURDAY)));
        for (IncidentFilter filter : filters) {
            assertThat(snapshot.matching(filter).length).as(filter.toString()).isEqualTo(repository.count(filter));
        }
        assertThat(snapshot.size()).isEqualTo(3_000);
        long unlocated = java.util.stream.IntStream.range(0, snapshot.size()).filter(i -> !snapshot.isLocated(i)).count();
        assertThat(snapshot.matchingLocated(IncidentFilter.ALL).length).isEqualTo(3_000 - unlocated);
        assertThat(unlocated).isPositive();
    }

    @Test
    void reloadsOnlyWhenDataChanges() {
        IncidentSnapshot first = snapshots.current();
        assertThat(snapshots.current()).isSameAs(first);
        TestIncidents.insert(database, TestIncidents.random(10, 8), ZONE);
        IncidentSnapshot second = snapshots.current();
        assertThat(second).isNotSameAs(first);
        assertThat(second.size()).isEqualTo(3_010);
    }

    @Test
    void keepsLocalFieldsAndAreas() {
        IncidentSnapshot snapshot = snapshots.current();
        IncidentSnapshot.AreaColumn districts = snapshot.areas("district");
        assertThat(districts.areaIds()).containsExactlyInAnyOrder(north, south);
        for (int i = 0; i < snapshot.size(); i++) {
            LocalDate day = LocalDate.ofEpochDay(snapshot.localEpochDay(i));
            assertThat(snapshot.localDayOfWeek(i)).isEqualTo(day.getDayOfWeek().getValue());
            var local = java.time.Instant.ofEpochSecond(snapshot.occurredEpochSecond(i)).atZone(ZONE);
            assertThat(local.toLocalDate()).isEqualTo(day);
            assertThat(snapshot.localHour(i)).isEqualTo(local.getHour());
            if (snapshot.isLocated(i)) {
                UUID expected = snapshot.lat(i) >= 39.975 ? north : south;
                // Points exactly on the shared edge belong to both boxes; the snapshot keeps one of them.
                if (Math.abs(snapshot.lat(i) - 39.975) > 1e-12) {
                    assertThat(districts.areaIds().get(districts.areaIndex(i))).isEqualTo(expected);
                }
            } else {
                assertThat(districts.areaIndex(i)).isEqualTo(-1);
            }
        }
    }

    @Test
    void aNewProcessReadsTheSnapshotFromTheCacheFileWithTheSameContent() throws Exception {
        IncidentSnapshot loaded = snapshots.current();
        Path cacheFile = database.folder().cache().resolve(IncidentSnapshots.CACHE_FILE);
        assertThat(cacheFile).exists();

        IncidentSnapshot reread = new IncidentSnapshots(database).current();
        assertThat(reread.size()).isEqualTo(loaded.size());
        LocalDate[] stored = database.withConnection(connection -> {
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery("SELECT MIN(local_date), MAX(local_date) FROM incident WHERE id IS NOT NULL")) {
                rs.next();
                return new LocalDate[] {rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()};
            }
        });
        assertThat(stored[0]).isBefore(stored[1]);
        assertThat(loaded.firstDay()).isEqualTo(reread.firstDay()).isEqualTo(stored[0]);
        assertThat(loaded.lastDay()).isEqualTo(reread.lastDay()).isEqualTo(stored[1]);
        assertThat(IncidentSnapshot.builder(0).build(1).firstDay()).isNull();
        assertThat(reread.categories()).isEqualTo(loaded.categories());
        assertThat(reread.areas("district").areaIds()).isEqualTo(loaded.areas("district").areaIds());
        assertThat(reread.areas("district").areaNames()).isEqualTo(loaded.areas("district").areaNames());
        for (int i = 0; i < loaded.size(); i++) {
            assertThat(reread.id(i)).isEqualTo(loaded.id(i));
            assertThat(reread.occurredEpochSecond(i)).isEqualTo(loaded.occurredEpochSecond(i));
            assertThat(reread.localEpochDay(i)).isEqualTo(loaded.localEpochDay(i));
            assertThat(reread.localHour(i)).isEqualTo(loaded.localHour(i));
            assertThat(reread.localDayOfWeek(i)).isEqualTo(loaded.localDayOfWeek(i));
            assertThat(reread.categoryIndex(i)).isEqualTo(loaded.categoryIndex(i));
            assertThat(Double.valueOf(reread.lon(i))).isEqualTo(Double.valueOf(loaded.lon(i)));
            assertThat(Double.valueOf(reread.lat(i))).isEqualTo(Double.valueOf(loaded.lat(i)));
            assertThat(reread.areas("district").areaIndex(i)).isEqualTo(loaded.areas("district").areaIndex(i));
        }
    }

    @Test
    void theCacheFileIsTrustedOnlyForTheDataItWasMadeFrom() throws Exception {
        IncidentSnapshots reader = new IncidentSnapshots(database);
        Path cacheFile = database.folder().cache().resolve(IncidentSnapshots.CACHE_FILE);
        // A one-incident file under the current fingerprint is believed (it is what the cache is for) ...
        IncidentSnapshot marker = IncidentSnapshot.builder(1)
                .add(UUID.randomUUID(), 0, LocalDate.of(2024, 1, 1), 0, "MARKER", 1, 2, java.util.Map.of()).build(0);
        IncidentSnapshotFile.write(cacheFile, reader.fingerprint(), marker);
        assertThat(new IncidentSnapshots(database).current().categories()).containsExactly("MARKER");

        // ... but not once the incidents changed, nor when the file is damaged.
        TestIncidents.insert(database, TestIncidents.random(10, 8), ZONE);
        assertThat(new IncidentSnapshots(database).current().size()).isEqualTo(3_010);
        java.nio.file.Files.write(cacheFile, java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(cacheFile), 5_000));
        assertThat(new IncidentSnapshots(database).current().size()).isEqualTo(3_010);
        TestIncidents.insertBoxArea(database, "tract", "T", -75.25, 39.90, -75.05, 40.05);
        assertThat(new IncidentSnapshots(database).current().areaKinds()).contains("tract");
    }
}

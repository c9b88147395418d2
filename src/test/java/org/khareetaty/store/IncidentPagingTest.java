package org.khareetaty.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.IncidentFilter;

/**
 * Pages in time order sort only the days next to the newest (or oldest) incidents; they must equal a sort
 * of everything, whatever the page, direction, filter, gaps in the data and source time zones (UTC-12 to
 * UTC+14, where local days differ most from UTC ones).
 */
class IncidentPagingTest {

    @TempDir
    static Path folder;
    static Database database;
    static IncidentRepository repository;

    @BeforeAll
    static void load() {
        database = TestDatabases.open(folder);
        repository = new IncidentRepository(database, new IncidentSnapshots(database));
        Random random = new Random(11);
        String[] zones = {"Etc/GMT+12", "Pacific/Kiritimati", "Asia/Kuwait", "America/New_York"};
        Instant start = Instant.parse("2023-01-01T00:00:00Z");
        for (int z = 0; z < zones.length; z++) {
            List<TestIncidents.Incident> incidents = new ArrayList<>();
            for (int i = 0; i < 900; i++) {
                // Dense recent weeks, a sparse past with a four-month gap, and ties on the same second.
                long seconds = i % 3 == 0 ? (long) (random.nextDouble() * 700 * 86_400)
                        : 760L * 86_400 + (long) (random.nextDouble() * 30 * 86_400);
                if (seconds > 400L * 86_400 && seconds < 520L * 86_400) {
                    seconds -= 200L * 86_400;
                }
                if (i % 50 == 0) {
                    seconds = 790L * 86_400 - 3_600 * (i % 7);
                }
                incidents.add(new TestIncidents.Incident(new UUID(z + 1, i), "Z" + z + "-" + i,
                        start.plusSeconds(seconds), i % 4 == 0 ? "THEFT" : "ASSAULT", -75.1, 39.9));
            }
            TestIncidents.insert(database, incidents, ZoneId.of(zones[z]));
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static List<UUID> sortedBySql(IncidentFilter filter, boolean ascending) {
        IncidentSql sql = IncidentSql.of(filter);
        String direction = ascending ? " ASC" : " DESC";
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT i.id FROM incident i WHERE "
                    + sql.where() + " ORDER BY i.occurred_at" + direction + ", i.id" + direction)) {
                sql.bind(statement, 1);
                try (ResultSet rs = statement.executeQuery()) {
                    List<UUID> ids = new ArrayList<>();
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                    return ids;
                }
            }
        });
    }

    /** Rows whose local day lies in each window the paging tries first, counted from the newest or oldest day. */
    private static List<Integer> rowsInFirstWindows(IncidentFilter filter, boolean ascending) {
        IncidentSql sql = IncidentSql.of(filter);
        return database.withConnection(connection -> {
            List<Integer> counts = new ArrayList<>();
            for (long days = IncidentRepository.FIRST_WINDOW_DAYS; days < 2_000; days *= 4) {
                String edge = ascending ? "(SELECT MIN(local_date) FROM incident) + " + days
                        : "(SELECT MAX(local_date) FROM incident) - " + days;
                try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM incident i WHERE "
                        + sql.where() + " AND i.local_date " + (ascending ? "<= " : ">= ") + edge)) {
                    sql.bind(statement, 1);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        counts.add(rs.getInt(1));
                    }
                }
            }
            return counts;
        });
    }

    private static void pagesEqualTheFullSort(IncidentFilter filter, boolean ascending) {
        List<UUID> expected = sortedBySql(filter, ascending);
        IncidentRepository.Sort sort = new IncidentRepository.Sort(IncidentRepository.SortColumn.OCCURRED_AT, ascending);
        List<Integer> offsets = new ArrayList<>(List.of(0, 1, 97, 250, 1_000, 2_300, expected.size() - 40, expected.size() + 5));
        // Pages that end on the last rows of a window: where incidents of other days (and zones) interleave.
        for (int inWindow : rowsInFirstWindows(filter, ascending)) {
            for (int back = 100; back <= 160; back += 6) {
                offsets.add(inWindow - back);
            }
        }
        for (int offset : offsets) {
            List<UUID> page = repository.page(filter, sort, Math.max(0, offset), 100).stream().map(IncidentRow::id).toList();
            int from = Math.min(expected.size(), Math.max(0, offset));
            assertThat(page).as("offset %d, ascending %s, %s", offset, ascending, filter)
                    .containsExactlyElementsOf(expected.subList(from, Math.min(expected.size(), from + 100)));
        }
    }

    @Test
    void newestAndOldestFirstEqualTheFullSort() {
        pagesEqualTheFullSort(IncidentFilter.ALL, false);
        pagesEqualTheFullSort(IncidentFilter.ALL, true);
    }

    @Test
    void filteredPagesEqualTheFullSort() {
        IncidentFilter thefts = IncidentFilter.ALL.withCategories(Set.of("THEFT"));
        pagesEqualTheFullSort(thefts, false);
        pagesEqualTheFullSort(thefts, true);
        IncidentFilter dates = IncidentFilter.ALL.withDates(LocalDate.of(2023, 6, 1), LocalDate.of(2025, 1, 20));
        pagesEqualTheFullSort(dates, false);
        pagesEqualTheFullSort(dates, true);
        IncidentFilter outside = IncidentFilter.ALL.withDates(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31));
        assertThat(repository.page(outside, IncidentRepository.Sort.NEWEST_FIRST, 0, 100)).isEmpty();
    }

    @Test
    void countingEverythingAsksTheTableNotTheRows() {
        IncidentSql all = IncidentSql.of(IncidentFilter.ALL);
        assertThat(all.selectsAll()).isTrue();
        assertThat(IncidentSql.of(IncidentFilter.ALL.withCategories(Set.of("THEFT"))).selectsAll()).isFalse();
        String plan = database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + IncidentRepository.countSql(all));
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(plan).contains("direct lookup");
        assertThat(repository.count(IncidentFilter.ALL)).isEqualTo(sortedBySql(IncidentFilter.ALL, true).size());
        IncidentFilter thefts = IncidentFilter.ALL.withCategories(Set.of("THEFT"));
        assertThat(repository.count(thefts)).isEqualTo(sortedBySql(thefts, true).size()).isLessThan(repository.count(IncidentFilter.ALL));
    }

    @Test
    void anEmptyDatabaseHasNoPage(@TempDir Path empty) {
        Database none = TestDatabases.open(empty);
        try {
            assertThat(new IncidentRepository(none, new IncidentSnapshots(none)).page(IncidentFilter.ALL, IncidentRepository.Sort.NEWEST_FIRST, 0, 10))
                    .isEmpty();
        } finally {
            none.close();
        }
    }
}

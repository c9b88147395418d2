package org.khareetaty.charts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentSnapshots;

/** Every chart data source, so tests hold each to the same expectations. */
final class ChartTestSources {

    private ChartTestSources() {
    }

    static Map<String, ChartDataSource> all(Database database) {
        Map<String, ChartDataSource> sources = new LinkedHashMap<>();
        sources.put("sql", new SqlChartDataSource(database));
        sources.put("snapshot", new SnapshotChartDataSource(new IncidentSnapshots(database)));
        return sources;
    }
}

package org.khareetaty.ui.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.khareetaty.analysis.hotspot.Hotspot;
import org.khareetaty.analysis.hotspot.HotspotRun;
import org.khareetaty.analysis.hotspot.RunKind;
import org.khareetaty.common.IncidentFilter;

class HotspotsAdviceTest {

    private static HotspotRun run(RunKind kind, long rows) {
        return new HotspotRun(UUID.randomUUID(), kind, Map.of(), IncidentFilter.ALL, LocalDate.of(2016, 1, 1),
                LocalDate.of(2025, 12, 31), Instant.EPOCH, Instant.EPOCH, rows, "EPSG:32618", Map.of(), "analyst",
                Instant.EPOCH, 0, "test");
    }

    private static Hotspot hotspot(long incidents) {
        return new Hotspot(UUID.randomUUID(), 1, "Cluster", null, incidents, 1, 1, null, null, null, null, null);
    }

    @Test
    void aClusterHoldingMostIncidentsIsCalledOut() {
        String advice = HotspotsViewModel.advice(run(RunKind.DBSCAN, 1_513_857), List.of(hotspot(1_472_000), hotspot(4_883)));
        assertThat(advice).contains("97%").contains("raise min points");
    }

    @Test
    void ordinaryClustersAndOtherMethodsGetNoAdvice() {
        assertThat(HotspotsViewModel.advice(run(RunKind.DBSCAN, 153_624), List.of(hotspot(1_500), hotspot(703)))).isEmpty();
        assertThat(HotspotsViewModel.advice(run(RunKind.GISTAR, 1_000), List.of(hotspot(900)))).isEmpty();
        assertThat(HotspotsViewModel.advice(run(RunKind.DBSCAN, 1_000), List.of())).isEmpty();
    }
}

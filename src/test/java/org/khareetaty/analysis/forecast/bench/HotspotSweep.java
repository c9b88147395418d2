package org.khareetaty.analysis.forecast.bench;

import java.time.LocalDate;
import org.khareetaty.TestData;
import org.khareetaty.analysis.forecast.GridEvents;
import org.khareetaty.analysis.forecast.HotspotModel;
import org.khareetaty.analysis.forecast.HotspotScoring;
import org.khareetaty.analysis.forecast.RiskGrid;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.store.IncidentSnapshot;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Hotspot blend sweep on one year's 52 weekly origins, beside prior counts and an oracle that ranks cells by the
 * whole test year's actual counts (a ceiling for any ranking that is stable over the year; ADR 0033).
 * Usage: {@code HotspotSweep YEAR longTermDays,halfLife,sigma,recentDays,recentSigma,recentWeight,nearDays,nearHalfLife,nearSigma,nearWeight ...}
 */
public final class HotspotSweep {
    public static void main(String[] args) throws Exception {
        int year = Integer.parseInt(args[0]);
        PhiladelphiaSnapshot.Data data = PhiladelphiaSnapshot.load(TestData.sharedData().resolve("philadelphia"));
        RiskGrid grid = RiskGrid.over(UnaryUnionOp.union(data.districts()), 150);
        IncidentSnapshot snapshot = data.snapshot();
        int[] rows = snapshot.matchingLocated(IncidentFilter.ALL);
        int[] days = new int[rows.length];
        int[] cells = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            days[i] = snapshot.localEpochDay(rows[i]);
            cells[i] = grid.cellOf(snapshot.lon(rows[i]), snapshot.lat(rows[i]));
        }
        GridEvents events = GridEvents.of(days, cells, rows.length);
        int first = (int) LocalDate.of(year, 1, 1).toEpochDay();
        double[] oracle = events.counts(grid.cells(), first, first + 364);
        score("oracle-year", grid, events, first, o -> oracle);
        score("prior", grid, events, first, o -> HotspotModel.priorCounts(grid, events, o));
        for (int i = 1; i < args.length; i++) {
            String[] p = args[i].split(",");
            HotspotModel model = new HotspotModel(new HotspotModel.Parameters(Integer.parseInt(p[0]),
                    Double.parseDouble(p[1]), Double.parseDouble(p[2]), Integer.parseInt(p[3]), Double.parseDouble(p[4]),
                    Double.parseDouble(p[5]), Integer.parseInt(p[6]), Double.parseDouble(p[7]), Double.parseDouble(p[8]),
                    Double.parseDouble(p[9])));
            score(args[i], grid, events, first, o -> model.risk(grid, events, o));
        }
    }

    static void score(String name, RiskGrid grid, GridEvents events, int first,
            java.util.function.IntFunction<double[]> surface) {
        double[] coverages = {1, 5};
        double[] pai = new double[2];
        double[] pei = new double[2];
        for (int w = 0; w < 52; w++) {
            int origin = first + 7 * w;
            double[] actual = events.counts(grid.cells(), origin, origin + 7);
            double[] s = surface.apply(origin).clone();
            for (int c = 0; c < 2; c++) {
                int[] flagged = HotspotScoring.top(grid, s, HotspotScoring.cellsFor(grid, coverages[c]));
                HotspotScoring.WeekScore score = HotspotScoring.score(grid, flagged, actual);
                pai[c] += score.pai() / 52;
                pei[c] += score.pei() / 52;
            }
        }
        System.out.printf("%-40s PAI1 %.2f PAI5 %.2f PEI1 %.3f PEI5 %.3f%n", name, pai[0], pai[1], pei[0], pei[1]);
    }
}

package org.khareetaty.analysis.forecast;

import java.util.ArrayList;
import java.util.List;
import org.khareetaty.common.TaskContext;

/**
 * Weekly backtest of hotspot forecasts: at each origin the model and the two baselines rank the cells using
 * only incidents before the origin; the top k% are flagged and scored on the following seven days.
 */
public final class HotspotBacktest {

    /** Mean scores of one method at one coverage over the scored weeks. */
    public record Score(String method, double coveragePercent, double pai, double pei, double hitRate, int weeks) {
    }

    private final HotspotModel model;

    public HotspotBacktest(HotspotModel model) {
        this.model = model;
    }

    public List<Score> run(RiskGrid grid, GridEvents events, int firstOriginDay, int weeks, double[] coverages,
            TaskContext context) {
        String[] methods = {HotspotModel.MODEL, HotspotModel.PRIOR_COUNTS, HotspotModel.KDE};
        double[][] pai = new double[methods.length][coverages.length];
        double[][] pei = new double[methods.length][coverages.length];
        double[][] hitRate = new double[methods.length][coverages.length];
        int scoredWeeks = 0;
        for (int w = 0; w < weeks; w++) {
            context.checkCancelled();
            int origin = firstOriginDay + 7 * w;
            double[] actual = events.counts(grid.cells(), origin, origin + 7);
            double[][] surfaces = {model.risk(grid, events, origin), HotspotModel.priorCounts(grid, events, origin),
                HotspotModel.kde(grid, events, origin)};
            boolean scored = false;
            for (int m = 0; m < methods.length; m++) {
                for (int c = 0; c < coverages.length; c++) {
                    int[] flagged = HotspotScoring.top(grid, surfaces[m], HotspotScoring.cellsFor(grid, coverages[c]));
                    HotspotScoring.WeekScore score = HotspotScoring.score(grid, flagged, actual);
                    if (score != null) {
                        pai[m][c] += score.pai();
                        pei[m][c] += score.pei();
                        hitRate[m][c] += (double) score.hits() / score.incidents();
                        scored = true;
                    }
                }
            }
            scoredWeeks += scored ? 1 : 0;
            context.progress(w + 1, weeks, "Scoring week " + (w + 1) + " of " + weeks);
        }
        List<Score> out = new ArrayList<>();
        int n = Math.max(1, scoredWeeks);
        for (int m = 0; m < methods.length; m++) {
            for (int c = 0; c < coverages.length; c++) {
                out.add(new Score(methods[m], coverages[c], pai[m][c] / n, pei[m][c] / n, hitRate[m][c] / n, scoredWeeks));
            }
        }
        return out;
    }
}

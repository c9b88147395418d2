package org.khareetaty.analysis.forecast;

import java.util.Arrays;

/** Flags the top cells of a risk surface and scores the flags against what happened. */
public final class HotspotScoring {

    private HotspotScoring() {
    }

    /** Scores of one flagging in one week. */
    public record WeekScore(int flaggedCells, int hits, int incidents, int bestPossibleHits, double pai, double pei) {
    }

    /** The number of cells that make up {@code percent}% of the region (at least one). */
    public static int cellsFor(RiskGrid grid, double percent) {
        return Math.max(1, (int) Math.round(grid.insideCount() * percent / 100.0));
    }

    /**
     * The {@code n} inside cells with the highest scores; ties at the threshold go to the lower cell index
     * so results are reproducible.
     */
    public static int[] top(RiskGrid grid, double[] scores, int n) {
        double[] inside = new double[grid.insideCount()];
        int k = 0;
        for (int cell = 0; cell < scores.length; cell++) {
            if (grid.inside(cell)) {
                inside[k++] = scores[cell];
            }
        }
        Arrays.sort(inside);
        double threshold = inside[inside.length - Math.min(n, inside.length)];
        int[] out = new int[Math.min(n, inside.length)];
        int count = 0;
        for (int cell = 0; cell < scores.length && count < out.length; cell++) {
            if (grid.inside(cell) && scores[cell] > threshold) {
                out[count++] = cell;
            }
        }
        for (int cell = 0; cell < scores.length && count < out.length; cell++) {
            if (grid.inside(cell) && scores[cell] == threshold) {
                out[count++] = cell;
            }
        }
        return out;
    }

    /**
     * PAI = (hits / N) / (flagged area / total area) and PEI* = hits / the most incidents any set of the same
     * number of cells caught. Null when nothing happened in the region that week.
     */
    public static WeekScore score(RiskGrid grid, int[] flagged, double[] actual) {
        int incidents = 0;
        double[] inside = new double[grid.insideCount()];
        int k = 0;
        for (int cell = 0; cell < actual.length; cell++) {
            if (grid.inside(cell)) {
                incidents += (int) actual[cell];
                inside[k++] = actual[cell];
            }
        }
        if (incidents == 0) {
            return null;
        }
        int hits = 0;
        for (int cell : flagged) {
            hits += (int) actual[cell];
        }
        Arrays.sort(inside);
        int best = 0;
        for (int i = 0; i < flagged.length; i++) {
            best += (int) inside[inside.length - 1 - i];
        }
        double areaShare = (double) flagged.length / grid.insideCount();
        double pai = ((double) hits / incidents) / areaShare;
        return new WeekScore(flagged.length, hits, incidents, best, pai, best == 0 ? 0 : (double) hits / best);
    }
}

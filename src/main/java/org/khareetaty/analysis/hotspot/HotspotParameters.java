package org.khareetaty.analysis.hotspot;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parameters of the three hotspot analyses, validated with messages an analyst understands. */
public final class HotspotParameters {

    private HotspotParameters() {
    }

    /** DBSCAN: neighbourhood radius in metres and the points (itself included) that make a core point. */
    public record Dbscan(double epsMetres, int minPoints) {
        public Dbscan {
            positive("eps", epsMetres);
            if (minPoints < 2) {
                throw new IllegalArgumentException("min points must be at least 2 (a cluster of one point is noise), not " + minPoints);
            }
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("epsMetres", epsMetres);
            map.put("minPoints", minPoints);
            return map;
        }
    }

    /** The time unit densities are expressed in. */
    public enum Period {
        DAY(1), WEEK(7), MONTH(365.25 / 12), YEAR(365.25), WHOLE_WINDOW(0);

        private final double days;

        Period(double days) {
            this.days = days;
        }

        /** How many periods the given number of days makes (1 for the whole window). */
        public double periodsIn(long windowDays) {
            return this == WHOLE_WINDOW ? 1 : windowDays / days;
        }

        public String unitLabel() {
            return this == WHOLE_WINDOW ? "incidents per km² over the window"
                    : "incidents per km² per " + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Kernel density: kernel, bandwidth (Gaussian σ or quartic radius) and cell size in metres, period. */
    public record Kde(KernelDensity.Kernel kernel, double bandwidthMetres, double cellMetres, Period period) {
        public Kde {
            positive("bandwidth", bandwidthMetres);
            positive("cell size", cellMetres);
            if (kernel == null || period == null) {
                throw new IllegalArgumentException("Choose a kernel and a period");
            }
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("kernel", kernel.name());
            map.put("bandwidthMetres", bandwidthMetres);
            map.put("cellMetres", cellMetres);
            map.put("period", period.name());
            return map;
        }
    }

    /**
     * Gi*: on a grid of {@code cellMetres} cells with neighbours whose centres lie within
     * {@code bandMetres} (default 1.5 cells: the 8 surrounding cells), or on the areas of {@code areaKind}
     * with touching areas as neighbours.
     */
    public record GiStar(double cellMetres, double bandMetres, String areaKind) {
        public GiStar {
            if (areaKind == null) {
                positive("cell size", cellMetres);
                positive("distance band", bandMetres);
                if (bandMetres < cellMetres) {
                    throw new IllegalArgumentException("The distance band (" + bandMetres
                            + " m) must reach at least the next cell (" + cellMetres + " m)");
                }
            }
        }

        public static GiStar grid(double cellMetres) {
            return new GiStar(cellMetres, 1.5 * cellMetres, null);
        }

        public static GiStar areas(String kind) {
            return new GiStar(0, 0, kind);
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            if (areaKind == null) {
                map.put("cellMetres", cellMetres);
                map.put("bandMetres", bandMetres);
            } else {
                map.put("areaKind", areaKind);
            }
            return map;
        }
    }

    private static void positive(String name, double metres) {
        if (!(metres > 0) || Double.isInfinite(metres)) {
            throw new IllegalArgumentException(name + " must be a positive number of metres, not " + metres);
        }
    }
}

package org.khareetaty.analysis.hotspot;

/** Points in metres in a {@link MetricProjection}; index i is the same incident as in the input arrays. */
public record ProjectedPoints(MetricProjection projection, double[] x, double[] y) {

    public int size() {
        return x.length;
    }
}

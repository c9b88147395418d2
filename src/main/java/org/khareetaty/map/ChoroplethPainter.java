package org.khareetaty.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Areas of one kind filled by a value: counts and rates in five quantile classes (heat), change in
 * fixed percentage classes (blue falls, red rises). Areas without a value are outlined only.
 */
public final class ChoroplethPainter implements LayerPainter {

    static final double[] CHANGE_BREAKS = {-50, -20, -5, 5, 20, 50};
    private static final double[] QUANTILES = {0.2, 0.4, 0.6, 0.8};
    private static final int[] SEQUENTIAL = {0xFFFFFFB2, 0xFFFECC5C, 0xFFFD8D3C, 0xFFF03B20, 0xFFBD0026};

    private final List<MapArea> areas;
    private final Map<UUID, Double> values;
    private final AreaMeasure measure;
    private final String kind;
    private final double[] breaks;

    public ChoroplethPainter(List<MapArea> areas, Map<UUID, Double> values, AreaMeasure measure, String kind) {
        this.areas = List.copyOf(areas);
        this.values = Map.copyOf(values);
        this.measure = measure;
        this.kind = kind;
        this.breaks = measure == AreaMeasure.CHANGE ? CHANGE_BREAKS : quantileBreaks(values.values());
    }

    static double[] quantileBreaks(java.util.Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
        double[] breaks = new double[QUANTILES.length];
        if (sorted.length == 0) {
            return breaks;
        }
        for (int q = 0; q < QUANTILES.length; q++) {
            breaks[q] = sorted[(int) Math.min(sorted.length - 1, Math.floor(QUANTILES[q] * sorted.length))];
            if (q > 0 && breaks[q] <= breaks[q - 1]) {
                breaks[q] = Math.nextUp(breaks[q - 1]);
            }
        }
        return breaks;
    }

    public Double valueOf(UUID area) {
        return values.get(area);
    }

    public AreaMeasure measure() {
        return measure;
    }

    int colourOf(double value) {
        if (measure == AreaMeasure.CHANGE) {
            int c = Double.isInfinite(value) ? CHANGE_BREAKS.length : Palette.classOf(value, CHANGE_BREAKS);
            return Palette.DIVERGING[c];
        }
        return SEQUENTIAL[Palette.classOf(value, breaks)];
    }

    @Override
    public void paint(Graphics2D g, MapViewport view) {
        BasicStroke outline = new BasicStroke(1.2f);
        for (MapArea area : areas) {
            if (!area.shape().intersects(view, 2)) {
                continue;
            }
            var path = area.shape().toPath(view, true, 0.5);
            Double value = values.get(area.id());
            if (value != null) {
                g.setColor(new Color(colourOf(value), true));
                g.fill(path);
            }
            g.setColor(new Color(0x444444));
            g.setStroke(outline);
            g.draw(path);
        }
    }

    /** The area under a position, or null. */
    public MapArea areaAt(double lon, double lat) {
        return areas.stream().filter(a -> a.shape().contains(lon, lat)).findFirst().orElse(null);
    }

    @Override
    public Legend legend(double zoom) {
        List<Legend.Entry> entries = new ArrayList<>();
        if (measure == AreaMeasure.CHANGE) {
            entries.add(new Legend.Entry(Palette.DIVERGING[0], "fell by more than 50 %"));
            for (int c = 1; c < CHANGE_BREAKS.length; c++) {
                entries.add(new Legend.Entry(Palette.DIVERGING[c],
                        signed(CHANGE_BREAKS[c - 1]) + " to " + signed(CHANGE_BREAKS[c]) + " %"));
            }
            entries.add(new Legend.Entry(Palette.DIVERGING[CHANGE_BREAKS.length], "rose by more than 50 %"));
        } else {
            for (int c = 0; c <= breaks.length; c++) {
                String label = c == 0 ? "< " + Palette.number(breaks[0])
                        : c == breaks.length ? "≥ " + Palette.number(breaks[c - 1])
                        : Palette.number(breaks[c - 1]) + " – " + Palette.number(breaks[c]);
                entries.add(new Legend.Entry(SEQUENTIAL[c], label));
            }
        }
        return new Legend(measure.title() + " by " + kind + " (" + measure.unit() + ")", entries);
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : "") + Palette.number(v);
    }

    @Override
    public String toString() {
        return "Choropleth " + kind + " " + measure + " " + Arrays.toString(breaks);
    }
}

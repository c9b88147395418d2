package org.khareetaty.map;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws a raster result as coloured cells: the kernel density heat surface, Gi* z-scores (hot and cold
 * cells by confidence) or forecast risk. Cell corners are projected once to normalised Web Mercator,
 * so drawing a tile is a cull and a fill per visible cell.
 */
public final class GridPainter implements LayerPainter {

    /** How values become colours. */
    public enum Style {
        /** Sequential heat, classes at quantiles of the positive values (kernel density). */
        HEAT,
        /** Gi* z-scores: cold and hot at 90/95/99 % confidence, not significant left clear. */
        SIGNIFICANCE,
        /** Sequential purples at quantiles of the positive values (forecast risk). */
        RISK
    }

    /** Two-sided critical z values for 90, 95 and 99 % confidence. */
    static final double[] Z_CRITICAL = {1.645, 1.960, 2.576};
    private static final double[] QUANTILES = {0.5, 0.75, 0.9, 0.95, 0.99};

    private final GridData grid;
    private final Style style;
    private final String title;
    private final double[] nodeX;
    private final double[] nodeY;
    private final double[] breaks;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    public GridPainter(GridData grid, Style style, String title) {
        this.grid = grid;
        this.style = style;
        this.title = title;
        GridProjection projection = GridProjection.parse(grid.crs());
        int nodeCols = grid.columns() + 1;
        int nodeRows = grid.rows() + 1;
        nodeX = new double[nodeCols * nodeRows];
        nodeY = new double[nodeCols * nodeRows];
        double[] lonLat = new double[2];
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < nodeRows; r++) {
            for (int c = 0; c < nodeCols; c++) {
                projection.toLonLat(grid.originX() + c * grid.cellSize(), grid.originY() + r * grid.cellSize(), lonLat);
                int i = r * nodeCols + c;
                nodeX[i] = WebMercator.x(lonLat[0]);
                nodeY[i] = WebMercator.y(lonLat[1]);
                x0 = Math.min(x0, nodeX[i]);
                x1 = Math.max(x1, nodeX[i]);
                y0 = Math.min(y0, nodeY[i]);
                y1 = Math.max(y1, nodeY[i]);
            }
        }
        minX = x0;
        minY = y0;
        maxX = x1;
        maxY = y1;
        breaks = style == Style.SIGNIFICANCE ? Z_CRITICAL : quantileBreaks(grid.values());
    }

    public GridData grid() {
        return grid;
    }

    static double[] quantileBreaks(double[] values) {
        double[] positive = Arrays.stream(values).filter(v -> v > 0 && Double.isFinite(v)).sorted().toArray();
        double[] breaks = new double[QUANTILES.length];
        if (positive.length == 0) {
            return breaks;
        }
        for (int q = 0; q < QUANTILES.length; q++) {
            breaks[q] = positive[(int) Math.min(positive.length - 1, Math.floor(QUANTILES[q] * positive.length))];
            if (q > 0 && breaks[q] <= breaks[q - 1]) {
                breaks[q] = Math.nextUp(breaks[q - 1]);
            }
        }
        return breaks;
    }

    /** The ARGB colour of a cell value, or 0 (transparent) when the cell is not drawn. */
    int colourOf(double value) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        return switch (style) {
            case HEAT -> value <= 0 ? 0 : Palette.HEAT[Palette.classOf(value, breaks)];
            case RISK -> value <= 0 ? 0 : Palette.RISK[Palette.classOf(value, breaks)];
            case SIGNIFICANCE -> {
                int level = Palette.classOf(Math.abs(value), Z_CRITICAL);   // 0 = not significant, 1..3 = 90/95/99 %
                if (level == 0) {
                    yield 0;
                }
                yield value > 0 ? Palette.DIVERGING[3 + level] : Palette.DIVERGING[3 - level];
            }
        };
    }

    @Override
    public void paint(Graphics2D g, MapViewport view) {
        double size = view.worldSize();
        double left = view.originX() / size;
        double top = view.originY() / size;
        double right = (view.originX() + view.width()) / size;
        double bottom = (view.originY() + view.height()) / size;
        if (maxX < left || minX > right || maxY < top || minY > bottom) {
            return;
        }
        int nodeCols = grid.columns() + 1;
        Path2D.Double quad = new Path2D.Double();
        int lastColour = 0;
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++) {
                int colour = colourOf(grid.value(c, r));
                if (colour == 0) {
                    continue;
                }
                int sw = r * nodeCols + c;
                int se = sw + 1;
                int nw = sw + nodeCols;
                int ne = nw + 1;
                double cx0 = Math.min(nodeX[sw], nodeX[nw]);
                double cx1 = Math.max(nodeX[se], nodeX[ne]);
                double cy0 = Math.min(nodeY[nw], nodeY[ne]);
                double cy1 = Math.max(nodeY[sw], nodeY[se]);
                if (cx1 < left || cx0 > right || cy1 < top || cy0 > bottom) {
                    continue;
                }
                quad.reset();
                quad.moveTo(nodeX[sw] * size - view.originX(), nodeY[sw] * size - view.originY());
                quad.lineTo(nodeX[se] * size - view.originX(), nodeY[se] * size - view.originY());
                quad.lineTo(nodeX[ne] * size - view.originX(), nodeY[ne] * size - view.originY());
                quad.lineTo(nodeX[nw] * size - view.originX(), nodeY[nw] * size - view.originY());
                quad.closePath();
                if (colour != lastColour) {
                    g.setColor(new Color(colour, true));
                    lastColour = colour;
                }
                g.fill(quad);
            }
        }
    }

    /** The grid value at a position, or NaN outside the grid (for tooltips). */
    public double valueAt(double lon, double lat) {
        double x = WebMercator.x(lon);
        double y = WebMercator.y(lat);
        if (x < minX || x > maxX || y < minY || y > maxY) {
            return Double.NaN;
        }
        // Cells are nearly rectangles in Mercator at city scale: interpolate the column and row linearly.
        int nodeCols = grid.columns() + 1;
        double west = nodeX[0];
        double east = nodeX[grid.columns()];
        double south = nodeY[0];
        double north = nodeY[grid.rows() * nodeCols];
        int c = (int) Math.floor((x - west) / (east - west) * grid.columns());
        int r = (int) Math.floor((y - south) / (north - south) * grid.rows());
        if (c < 0 || r < 0 || c >= grid.columns() || r >= grid.rows()) {
            return Double.NaN;
        }
        return grid.value(c, r);
    }

    /** Hot and cold at 90/95/99 % confidence (two-sided z of 1.645, 1.96, 2.576). */
    static Legend significanceLegend(String title) {
        List<Legend.Entry> entries = new ArrayList<>();
        String[] confidence = {"90 %", "95 %", "99 %"};
        for (int level = 3; level >= 1; level--) {
            entries.add(new Legend.Entry(Palette.DIVERGING[3 + level], "Hot spot, " + confidence[level - 1] + " confidence"));
        }
        for (int level = 1; level <= 3; level++) {
            entries.add(new Legend.Entry(Palette.DIVERGING[3 - level], "Cold spot, " + confidence[level - 1] + " confidence"));
        }
        return new Legend(title + " (Gi* z-score)", entries);
    }

    @Override
    public Legend legend(double zoom) {
        List<Legend.Entry> entries = new ArrayList<>();
        switch (style) {
            case SIGNIFICANCE -> {
                return significanceLegend(title);
            }
            case HEAT, RISK -> {
                int[] colours = style == Style.HEAT ? Palette.HEAT : Palette.RISK;
                for (int c = 0; c <= breaks.length; c++) {
                    String label = c == 0 ? "> 0 – " + Palette.number(breaks[0])
                            : c == breaks.length ? "≥ " + Palette.number(breaks[c - 1])
                            : Palette.number(breaks[c - 1]) + " – " + Palette.number(breaks[c]);
                    entries.add(new Legend.Entry(colours[c], label));
                }
                return new Legend(title + " (" + grid.unit() + ")", entries);
            }
            default -> throw new IllegalStateException(style.toString());
        }
    }
}

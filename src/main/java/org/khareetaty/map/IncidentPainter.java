package org.khareetaty.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The incidents layer: at street zoom every incident is a dot coloured by category; further out they are
 * aggregated into square cells coloured by density (incidents per km²), in six classes whose breaks are
 * quantiles of all the cells at that zoom, so the map reads the same in every tile.
 */
public final class IncidentPainter implements LayerPainter {

    /** Side of an aggregation cell in screen pixels. */
    static final int CELL_PX = 6;
    private static final double[] QUANTILES = {0.5, 0.75, 0.9, 0.97, 0.995};
    private static final int FEW_POINTS = 20_000;

    private final PointIndex index;
    private final List<String> categories;
    /** Each category's colour: distinct for the most frequent ones, grey for the rest. */
    private final int[] categoryColours;
    private final int pointsFromZoom;
    private final Map<Integer, DensityCells> cellsByZoom = new ConcurrentHashMap<>();

    /** The incidents in every density cell at an integer zoom, and the class breaks over them. */
    private record DensityCells(CellCounts counts, double[] breaks) {
    }

    /**
     * {@code categoryCounts}: how many incidents of each category the whole data holds (not only those shown), so a
     * category keeps its colour when the filter changes.
     */
    public IncidentPainter(PointIndex index, List<String> categories, int[] categoryCounts) {
        if (categoryCounts.length != categories.size()) {
            throw new IllegalArgumentException(categoryCounts.length + " counts for " + categories.size() + " categories");
        }
        this.index = index;
        this.categories = List.copyOf(categories);
        this.categoryColours = coloursByFrequency(categoryCounts);
        // With few incidents, dots stay readable further out.
        this.pointsFromZoom = index.size() <= FEW_POINTS ? 12 : 15;
    }

    public PointIndex index() {
        return index;
    }

    public int pointsFromZoom() {
        return pointsFromZoom;
    }

    /** True when this zoom shows single incidents rather than density cells. */
    public boolean showsPoints(double zoom) {
        return zoom >= pointsFromZoom;
    }

    /**
     * The qualitative palette's colours to the most frequent categories, in order, and {@link Palette#OTHER_CATEGORIES}
     * to the rest (colours given by position in the list repeated after twelve, so two categories could share one).
     */
    static int[] coloursByFrequency(int[] counts) {
        Integer[] order = new Integer[counts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(counts[b], counts[a]));
        int[] colours = new int[counts.length];
        for (int rank = 0; rank < order.length; rank++) {
            colours[order[rank]] = rank < Palette.CATEGORIES.length ? Palette.CATEGORIES[rank] : Palette.OTHER_CATEGORIES;
        }
        return colours;
    }

    /** The colour of a category, by its index in the snapshot's list of categories. */
    public int categoryColour(int categoryIndex) {
        return categoryColours[categoryIndex];
    }

    @Override
    public void paint(Graphics2D g, MapViewport view) {
        if (showsPoints(view.zoom())) {
            paintPoints(g, view);
        } else {
            paintDensity(g, view);
        }
    }

    private void paintPoints(Graphics2D g, MapViewport view) {
        double radius = view.zoom() >= 17 ? 5 : 3.5;
        double size = view.worldSize();
        double ox = view.originX();
        double oy = view.originY();
        Ellipse2D.Double dot = new Ellipse2D.Double();
        BasicStroke outline = new BasicStroke(1f);
        Color[] colours = new Color[categoryColours.length];
        for (int c = 0; c < colours.length; c++) {
            colours[c] = new Color(categoryColours[c], true);
        }
        g.setStroke(outline);
        index.visit(view, radius + 1, position -> {
            double x = index.normX(position) * size - ox;
            double y = index.normY(position) * size - oy;
            dot.setFrame(x - radius, y - radius, 2 * radius, 2 * radius);
            g.setColor(colours[index.categoryIndex(position)]);
            g.fill(dot);
            g.setColor(Color.WHITE);
            g.draw(dot);
        });
    }

    private void paintDensity(Graphics2D g, MapViewport view) {
        double size = view.worldSize();
        int zoom = (int) Math.floor(view.zoom());
        // Cells are aligned to the world pixel grid, so neighbouring tiles agree.
        long firstCol = (long) Math.floor(view.originX() / CELL_PX);
        long firstRow = (long) Math.floor(view.originY() / CELL_PX);
        int cols = (int) ((view.originX() + view.width()) / CELL_PX - firstCol) + 1;
        int rows = (int) ((view.originY() + view.height()) / CELL_PX - firstRow) + 1;
        int[] counts = new int[cols * rows];
        if (size == WebMercator.worldSize(zoom)) {
            // A tile (whole zoom): read the level's cell counts, counted once for its classes, instead of visiting
            // every incident the tile shows again; a cell on a tile's edge has the same count in both tiles.
            CellCounts level = cells(zoom).counts();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    counts[r * cols + c] = level.get(((firstRow + r) << 32) | (firstCol + c));
                }
            }
        } else {
            // Between zoom levels (snapshots): count the incidents of every cell the view touches, whole cells.
            index.visit(view, CELL_PX, position -> {
                int c = (int) ((long) Math.floor(index.normX(position) * size / CELL_PX) - firstCol);
                int r = (int) ((long) Math.floor(index.normY(position) * size / CELL_PX) - firstRow);
                if (c >= 0 && c < cols && r >= 0 && r < rows) {
                    counts[r * cols + c]++;
                }
            });
        }
        double[] breaks = breaks(zoom);
        Color[] colours = new Color[Palette.HEAT.length];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = new Color(Palette.withAlpha(Palette.HEAT[i], 215), true);
        }
        for (int r = 0; r < rows; r++) {
            double worldY = (firstRow + r + 0.5) * CELL_PX;
            double cellKm2 = cellAreaKm2(WebMercator.lat(worldY / size), view.zoom());
            for (int c = 0; c < cols; c++) {
                int count = counts[r * cols + c];
                if (count == 0) {
                    continue;
                }
                int cls = Palette.classOf(count / cellKm2, breaks);
                g.setColor(colours[cls]);
                double x = (firstCol + c) * CELL_PX - view.originX();
                double y = (firstRow + r) * CELL_PX - view.originY();
                g.fillRect((int) Math.round(x), (int) Math.round(y), CELL_PX, CELL_PX);
            }
        }
    }

    private static double cellAreaKm2(double lat, double zoom) {
        double side = WebMercator.metresPerPixel(lat, zoom) * CELL_PX / 1000.0;
        return side * side;
    }

    /**
     * Density class breaks (incidents per km²) for cells at an integer zoom: quantiles of all non-empty
     * cells, computed once per zoom.
     */
    public double[] breaks(int zoom) {
        return cells(zoom).breaks();
    }

    private DensityCells cells(int zoom) {
        return cellsByZoom.computeIfAbsent(zoom, this::countCells);
    }

    private DensityCells countCells(int zoom) {
        int n = index.size();
        CellCounts counts = new CellCounts();
        if (n == 0) {
            return new DensityCells(counts, new double[QUANTILES.length]);
        }
        double size = WebMercator.worldSize(zoom);
        // Counted in a hash table, not by sorting a key per incident: a city has thousands to a few hundred
        // thousand cells against 1.5 million incidents, and the index's cell order keeps the probes local.
        for (int i = 0; i < n; i++) {
            long col = (long) Math.floor(index.normX(i) * size / CELL_PX);
            long row = (long) Math.floor(index.normY(i) * size / CELL_PX);
            counts.add((row << 32) | col);
        }
        double[] densities = new double[counts.size()];
        int cells = 0;
        for (int slot = 0; slot < counts.keys.length; slot++) {
            long key = counts.keys[slot];
            if (key != CellCounts.EMPTY) {
                long row = key >>> 32;
                double lat = WebMercator.lat((row + 0.5) * CELL_PX / size);
                densities[cells++] = counts.counts[slot] / cellAreaKm2(lat, zoom);
            }
        }
        Arrays.sort(densities);
        double[] breaks = new double[QUANTILES.length];
        for (int q = 0; q < QUANTILES.length; q++) {
            breaks[q] = densities[(int) Math.min(densities.length - 1, Math.floor(QUANTILES[q] * densities.length))];
            if (q > 0 && breaks[q] <= breaks[q - 1]) {
                breaks[q] = Math.nextUp(breaks[q - 1]);
            }
        }
        return new DensityCells(counts, breaks);
    }

    /** Incidents per non-negative cell key, by open addressing (linear probing, at most half full). */
    private static final class CellCounts {
        static final long EMPTY = -1;
        long[] keys = emptyKeys(1 << 12);
        int[] counts = new int[1 << 12];
        private int size;

        private static long[] emptyKeys(int capacity) {
            long[] keys = new long[capacity];
            Arrays.fill(keys, EMPTY);
            return keys;
        }

        void add(long key) {
            int mask = keys.length - 1;
            int slot = (int) (mix(key) & mask);
            while (keys[slot] != EMPTY && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == EMPTY) {
                keys[slot] = key;
                if (++size * 2 > keys.length) {
                    counts[slot]++;
                    grow();
                    return;
                }
            }
            counts[slot]++;
        }

        int size() {
            return size;
        }

        /** The count of a cell; 0 for cells without incidents (and for negative keys: west of the world's edge). */
        int get(long key) {
            if (key < 0) {
                return 0;
            }
            int mask = keys.length - 1;
            int slot = (int) (mix(key) & mask);
            while (keys[slot] != EMPTY) {
                if (keys[slot] == key) {
                    return counts[slot];
                }
                slot = (slot + 1) & mask;
            }
            return 0;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = emptyKeys(oldKeys.length * 2);
            counts = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    int slot = (int) (mix(oldKeys[i]) & mask);
                    while (keys[slot] != EMPTY) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    counts[slot] = oldCounts[i];
                }
            }
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }
    }

    @Override
    public Legend legend(double zoom) {
        List<Legend.Entry> entries = new ArrayList<>();
        if (showsPoints(zoom)) {
            int[] counts = new int[categories.size()];
            for (int i = 0; i < index.size(); i++) {
                counts[index.categoryIndex(i)]++;
            }
            Integer[] order = new Integer[counts.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(counts[b], counts[a]));
            int others = 0;
            for (int category : order) {
                if (counts[category] > 0 && categoryColours[category] == Palette.OTHER_CATEGORIES) {
                    others++;
                } else if (counts[category] > 0) {
                    entries.add(new Legend.Entry(categoryColours[category], categories.get(category)));
                }
            }
            if (others > 0) {
                entries.add(new Legend.Entry(Palette.OTHER_CATEGORIES, others + (others == 1 ? " other category" : " other categories")));
            }
            return new Legend("Incidents (one dot each)", entries);
        }
        double[] breaks = breaks((int) Math.floor(zoom));
        // A cell's side on the ground shrinks away from the equator: state it where the incidents are (their middle).
        double middleLat = index.size() == 0 ? 0 : WebMercator.lat(index.normY(index.size() / 2));
        double cellMetres = WebMercator.metresPerPixel(middleLat, Math.floor(zoom)) * CELL_PX;
        for (int c = 0; c <= breaks.length; c++) {
            String label = c == 0 ? "< " + Palette.number(breaks[0])
                    : c == breaks.length ? "≥ " + Palette.number(breaks[c - 1])
                    : Palette.number(breaks[c - 1]) + " – " + Palette.number(breaks[c]);
            entries.add(new Legend.Entry(Palette.withAlpha(Palette.HEAT[c], 215), label));
        }
        return new Legend("Incidents per km² (cells ≈ " + Palette.number(cellMetres) + " m wide)", entries);
    }
}

package org.khareetaty.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hotspot polygons of one run, coloured by rank (rank 1 darkest) in five rank classes, outlined and,
 * when large enough on screen, labelled with their rank.
 */
public final class HotspotPainter implements LayerPainter {

    private static final int[] RANK_COLOURS = {0xFF99000D, 0xFFCB181D, 0xFFEF3B2C, 0xFFFB6A4A, 0xFFFC9272};
    private static final int[] RANK_LIMITS = {1, 3, 5, 10, Integer.MAX_VALUE};
    private static final String[] RANK_LABELS = {"Rank 1", "Ranks 2–3", "Ranks 4–5", "Ranks 6–10", "Rank 11 and lower"};

    /** How hotspots are coloured. */
    public enum Colouring {
        /** Rank 1 darkest red: clusters and density peaks. */
        BY_RANK,
        /** Gi* cells: red hot, blue cold, darker with higher confidence; not significant cells left out. */
        BY_SIGNIFICANCE
    }

    private final List<MapHotspot> hotspots;
    private final String runLabel;
    private final Colouring colouring;

    public HotspotPainter(List<MapHotspot> hotspots, String runLabel, Colouring colouring) {
        this.colouring = colouring;
        // Lowest ranks drawn last, so the strongest hotspot is on top where they overlap.
        this.hotspots = hotspots.stream().sorted(Comparator.comparingInt(MapHotspot::rank).reversed()).toList();
        this.runLabel = runLabel;
    }

    public List<MapHotspot> hotspots() {
        return hotspots;
    }

    static int rankClass(int rank) {
        int c = 0;
        while (rank > RANK_LIMITS[c]) {
            c++;
        }
        return c;
    }

    @Override
    public void paint(Graphics2D g, MapViewport view) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        for (MapHotspot hotspot : hotspots) {
            if (!hotspot.shape().intersects(view, 2)) {
                continue;
            }
            int colour = colourOf(hotspot);
            if (colour == 0) {
                continue;
            }
            Path2D.Double path = hotspot.shape().toPath(view, true, 0.5);
            g.setColor(new Color(Palette.withAlpha(colour, 150), true));
            g.fill(path);
            g.setColor(new Color(colour, true));
            g.setStroke(new BasicStroke(2f));
            g.draw(path);
            Rectangle2D box = path.getBounds2D();
            if (colouring == Colouring.BY_RANK && box.getWidth() > 22 && box.getHeight() > 16) {
                String text = String.valueOf(hotspot.rank());
                int w = g.getFontMetrics().stringWidth(text);
                int x = (int) (box.getCenterX() - w / 2.0);
                int y = (int) (box.getCenterY() + 5);
                g.setColor(Color.WHITE);
                g.drawString(text, x + 1, y + 1);
                g.setColor(Color.BLACK);
                g.drawString(text, x, y);
            }
        }
    }

    int colourOf(MapHotspot hotspot) {
        if (colouring == Colouring.BY_RANK) {
            return RANK_COLOURS[rankClass(hotspot.rank())];
        }
        double z = hotspot.zScore() == null ? 0 : hotspot.zScore();
        int level = Palette.classOf(Math.abs(z), GridPainter.Z_CRITICAL);
        if (level == 0) {
            return 0;
        }
        return z > 0 ? Palette.DIVERGING[3 + level] : Palette.DIVERGING[3 - level];
    }

    /** The hotspot under a position, lowest rank first, or null. */
    public MapHotspot hotspotAt(double lon, double lat) {
        return hotspots.stream().filter(h -> h.shape().contains(lon, lat))
                .min(Comparator.comparingInt(MapHotspot::rank)).orElse(null);
    }

    @Override
    public Legend legend(double zoom) {
        if (colouring == Colouring.BY_SIGNIFICANCE) {
            return GridPainter.significanceLegend("Gi* cells — " + runLabel);
        }
        List<Legend.Entry> entries = new ArrayList<>();
        int maxRank = hotspots.stream().mapToInt(MapHotspot::rank).max().orElse(0);
        for (int c = 0; c < RANK_COLOURS.length; c++) {
            if (c == 0 || maxRank > RANK_LIMITS[c - 1]) {
                entries.add(new Legend.Entry(RANK_COLOURS[c], RANK_LABELS[c]));
            }
        }
        return new Legend("Hotspots by rank — " + runLabel, entries);
    }
}

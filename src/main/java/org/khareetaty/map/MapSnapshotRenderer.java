package org.khareetaty.map;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a whole map (basemap, layers, legends, scale bar and attribution) into an image with Java2D,
 * headless: the map pane's "snapshot to PNG" and the reports' map figures use the same drawing.
 */
public final class MapSnapshotRenderer {

    /** What to draw besides the layers. */
    public record Decorations(boolean legends, boolean scaleBar, String attribution) {
        public static final Decorations FULL = new Decorations(true, true, Basemap.ATTRIBUTION);
        public static final Decorations NONE = new Decorations(false, false, "");
    }

    private MapSnapshotRenderer() {
    }

    /**
     * Renders the basemap and then each layer with its opacity, for the viewport's centre and zoom at
     * {@code width x height} pixels (the viewport's own size is ignored, so one view can be exported at
     * any size; the zoom is adjusted so the same ground area stays in view).
     */
    public static BufferedImage render(MapViewport view, LayerPainter basemap, List<PaintedLayer> layers,
            int width, int height, Decorations decorations) {
        MapViewport target = resized(view, width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (basemap != null) {
                basemap.paint(g, target);
            }
            for (PaintedLayer layer : layers) {
                paintLayer(g, layer, target);
            }
            g.setComposite(AlphaComposite.SrcOver);
            if (decorations.legends()) {
                drawLegends(g, layers, target);
            }
            if (decorations.scaleBar()) {
                drawScaleBar(g, target);
            }
            if (!decorations.attribution().isEmpty()) {
                drawAttribution(g, target, decorations.attribution());
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Paints one layer with its opacity into {@code g}, restoring the composite afterwards. */
    public static void paintLayer(Graphics2D g, PaintedLayer layer, MapViewport view) {
        if (layer.opacity() <= 0) {
            return;
        }
        var saved = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) layer.opacity()));
        // Paint into a layer image first so overlapping shapes inside one layer do not add up their opacity.
        BufferedImage layerImage = new BufferedImage(view.width(), view.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D lg = layerImage.createGraphics();
        try {
            lg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            layer.painter().paint(lg, view);
        } finally {
            lg.dispose();
        }
        g.drawImage(layerImage, 0, 0, null);
        g.setComposite(saved);
    }

    /** Same centre, new pixel size, zoom changed so the same ground width stays in view. */
    static MapViewport resized(MapViewport view, int width, int height) {
        if (width == view.width() && height == view.height()) {
            return view;
        }
        double zoom = view.zoom() + Math.log((double) width / view.width()) / Math.log(2);
        return new MapViewport(view.centerLon(), view.centerLat(), zoom, width, height);
    }

    /** Writes without auditing: only {@link MapService#writeSnapshot} (audited) calls it. */
    static void writePng(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("No PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the map image " + file + ": " + e.getMessage(), e);
        }
    }

    private static void drawLegends(Graphics2D g, List<PaintedLayer> layers, MapViewport view) {
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 12);
        Font entryFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        int x = 10;
        int y = 10;
        for (PaintedLayer layer : layers) {
            Legend legend = layer.painter().legend(view.zoom());
            if (legend.entries().isEmpty()) {
                continue;
            }
            g.setFont(entryFont);
            FontMetrics fm = g.getFontMetrics();
            int boxWidth = fm.stringWidth(legend.title()) + 30;
            for (Legend.Entry entry : legend.entries()) {
                boxWidth = Math.max(boxWidth, fm.stringWidth(entry.label()) + 36);
            }
            int boxHeight = 22 + legend.entries().size() * 16;
            if (y + boxHeight > view.height() - 30) {
                break;
            }
            g.setColor(new Color(255, 255, 255, 225));
            g.fillRoundRect(x, y, boxWidth, boxHeight, 8, 8);
            g.setColor(new Color(0x555555));
            g.drawRoundRect(x, y, boxWidth, boxHeight, 8, 8);
            g.setFont(titleFont);
            g.setColor(Color.BLACK);
            g.drawString(legend.title(), x + 6, y + 15);
            g.setFont(entryFont);
            int ey = y + 22;
            for (Legend.Entry entry : legend.entries()) {
                g.setColor(new Color(entry.argb(), true));
                g.fillRect(x + 8, ey + 2, 18, 11);
                g.setColor(Color.DARK_GRAY);
                g.drawRect(x + 8, ey + 2, 18, 11);
                g.setColor(Color.BLACK);
                g.drawString(entry.label(), x + 32, ey + 12);
                ey += 16;
            }
            y += boxHeight + 8;
        }
    }

    /** A scale bar of a round length (1, 2 or 5 times a power of ten metres), about 100 pixels long. */
    static void drawScaleBar(Graphics2D g, MapViewport view) {
        ScaleBar bar = ScaleBar.of(view.metresPerPixel(), 100);
        int x = 10;
        int y = view.height() - 14;
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRect(x - 4, y - 16, (int) bar.pixels() + 60, 22);
        g.setColor(Color.BLACK);
        g.fillRect(x, y - 3, (int) bar.pixels(), 4);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(bar.label(), x + (int) bar.pixels() + 6, y + 1);
    }

    private static void drawAttribution(Graphics2D g, MapViewport view, String attribution) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(attribution) + 8;
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRect(view.width() - w, view.height() - 16, w, 16);
        g.setColor(new Color(0x333333));
        g.drawString(attribution, view.width() - w + 4, view.height() - 4);
    }
}

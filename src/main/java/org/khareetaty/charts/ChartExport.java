package org.khareetaty.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart to PNG (Java2D) or SVG (JFreeSVG) at a chosen size, without any window: the pane's export, the
 * CLI (both through the audited {@link ChartFiles}) and the PDF reports all draw through here.
 */
public final class ChartExport {

    /** File formats a chart can be written to. */
    public enum Format {
        PNG, SVG;

        /** The format a file name asks for, by its extension. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                return PNG;
            }
            if (name.endsWith(".svg")) {
                return SVG;
            }
            throw new IllegalArgumentException("Cannot tell the format of " + file + ": name it .png or .svg");
        }
    }

    public static final int MIN_SIZE = 100;
    public static final int MAX_SIZE = 10_000;

    private ChartExport() {
    }

    /** Writes without auditing: only tests call it ({@link ChartFiles} writes through the stream variant). */
    static void write(JFreeChart chart, Path file, int width, int height) throws IOException {
        checkSize(width, height);
        Format format = Format.of(file);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            write(chart, out, format, width, height);
        }
    }

    /** Writes to a stream without auditing: only {@link ChartFiles} (audited) calls it. */
    static void write(JFreeChart chart, java.io.OutputStream out, Format format, int width, int height) throws IOException {
        checkSize(width, height);
        if (format == Format.PNG) {
            if (!ImageIO.write(toImage(chart, width, height), "png", out)) {
                throw new IOException("No PNG writer is available");
            }
        } else {
            out.write(toSvg(chart, width, height).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The chart drawn on a white image of the given size, for PNG files and PDF pages. */
    public static BufferedImage toImage(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The chart as an SVG document of the given size in pixels. */
    public static String toSvg(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGDocument().substring(
                g.getSVGDocument().indexOf("<svg"));
    }

    private static void checkSize(int width, int height) {
        if (width < MIN_SIZE || width > MAX_SIZE || height < MIN_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("A chart is " + MIN_SIZE + " to " + MAX_SIZE + " pixels wide and high, not "
                    + width + " × " + height);
        }
    }
}

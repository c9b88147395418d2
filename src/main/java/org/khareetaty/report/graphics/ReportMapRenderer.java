package org.khareetaty.report.graphics;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import org.khareetaty.report.pdf.ReportFonts;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws report maps headless with Java2D: area outlines, incident dots and numbered hotspot shapes on a
 * local equirectangular projection (scaled by the cosine of the mid latitude, exact enough for a city),
 * with a scale bar and a north arrow. There is no basemap: reports are made offline.
 */
public final class ReportMapRenderer {

    private static final Color LAND = new Color(0xF4, 0xF2, 0xEE);
    private static final Color AREA_FILL = new Color(0xFB, 0xFA, 0xF7);
    private static final Color AREA_LINE = new Color(0x8A, 0x93, 0x9E);
    private static final Color POINT = new Color(0x1F, 0x4E, 0x8C);
    private static final Color HOTSPOT = new Color(0xC6, 0x28, 0x28);
    private static final int SCALE = 2;
    private static final double METRES_PER_DEGREE = 111_320;

    private final ReportFonts fonts;

    public ReportMapRenderer(ReportFonts fonts) {
        this.fonts = fonts;
    }

    public BufferedImage render(MapPicture picture, int width, int height) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            g.setColor(LAND);
            g.fillRect(0, 0, width, height);
            Envelope extent = extent(picture);
            if (extent == null) {
                g.setColor(Color.DARK_GRAY);
                g.setFont(fonts.awt(12f));
                g.drawString("Nothing to map: no located incidents, areas or hotspots.", 20, height / 2);
                return image;
            }
            Projection projection = new Projection(extent, width, height - 22);
            for (MapPicture.Labelled area : picture.areas()) {
                Path2D path = path(area.geometry(), projection);
                g.setColor(AREA_FILL);
                g.fill(path);
                g.setColor(AREA_LINE);
                g.setStroke(new BasicStroke(0.8f));
                g.draw(path);
            }
            drawPoints(g, picture, projection);
            for (MapPicture.Labelled hotspot : picture.highlights()) {
                Path2D path = path(hotspot.geometry(), projection);
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.25f));
                g.setColor(HOTSPOT);
                g.fill(path);
                g.setComposite(AlphaComposite.SrcOver);
                g.setStroke(new BasicStroke(1.6f));
                g.draw(path);
            }
            g.setFont(fonts.awt(7.5f));
            for (MapPicture.Labelled area : picture.areas()) {
                label(g, area.label(), area.geometry(), projection, AREA_LINE.darker(), null);
            }
            g.setFont(fonts.awtBold(9f));
            for (MapPicture.Labelled hotspot : picture.highlights()) {
                label(g, hotspot.label(), hotspot.geometry(), projection, Color.WHITE, HOTSPOT);
            }
            drawFurniture(g, picture, projection, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawPoints(Graphics2D g, MapPicture picture, Projection projection) {
        int count = picture.lons().length;
        double radius = count > 5000 ? 0.9 : count > 1000 ? 1.3 : 2.0;
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, count > 2000 ? 0.45f : 0.7f));
        g.setColor(POINT);
        Ellipse2D.Double dot = new Ellipse2D.Double();
        for (int i = 0; i < count; i++) {
            dot.setFrame(projection.x(picture.lons()[i]) - radius, projection.y(picture.lats()[i]) - radius,
                    2 * radius, 2 * radius);
            g.fill(dot);
        }
        g.setComposite(AlphaComposite.SrcOver);
    }

    private void drawFurniture(Graphics2D g, MapPicture picture, Projection projection, int width, int height) {
        // Legend strip along the bottom.
        g.setColor(Color.WHITE);
        g.fillRect(0, height - 22, width, 22);
        g.setFont(fonts.awt(8f));
        FontMetrics metrics = g.getFontMetrics();
        int x = 8;
        int baseline = height - 8;
        g.setColor(POINT);
        g.fillOval(x, baseline - 6, 6, 6);
        x += 10;
        g.setColor(Color.DARK_GRAY);
        String pointText = picture.pointLegend() + " (" + picture.lons().length + ")";
        g.drawString(pointText, x, baseline);
        x += metrics.stringWidth(pointText) + 14;
        if (!picture.highlights().isEmpty()) {
            g.setColor(HOTSPOT);
            g.fillRect(x, baseline - 7, 10, 8);
            x += 14;
            g.setColor(Color.DARK_GRAY);
            String hotspotText = "Hotspots, numbered by rank";
            g.drawString(hotspotText, x, baseline);
        }
        // Scale bar: a round distance of about a fifth of the width.
        double metresPerPixel = projection.metresPerPixel();
        double target = metresPerPixel * width / 5;
        double step = Math.pow(10, Math.floor(Math.log10(target)));
        double bar = target >= 5 * step ? 5 * step : target >= 2 * step ? 2 * step : step;
        int barPixels = (int) Math.round(bar / metresPerPixel);
        int bx = width - barPixels - 12;
        int by = height - 12;
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1.2f));
        g.drawLine(bx, by, bx + barPixels, by);
        g.drawLine(bx, by - 3, bx, by + 2);
        g.drawLine(bx + barPixels, by - 3, bx + barPixels, by + 2);
        String barText = bar >= 1000 ? (long) (bar / 1000) + " km" : (long) bar + " m";
        g.drawString(barText, bx + (barPixels - metrics.stringWidth(barText)) / 2, by - 4);
        // North arrow in the top right corner.
        int nx = width - 18;
        int ny = 10;
        Path2D arrow = new Path2D.Double();
        arrow.moveTo(nx, ny);
        arrow.lineTo(nx + 5, ny + 14);
        arrow.lineTo(nx, ny + 10);
        arrow.lineTo(nx - 5, ny + 14);
        arrow.closePath();
        g.fill(arrow);
        g.drawString("N", nx - metrics.stringWidth("N") / 2, ny + 25);
    }

    private static void label(Graphics2D g, String text, Geometry geometry, Projection projection, Color ink, Color box) {
        if (text == null || text.isBlank() || geometry.isEmpty()) {
            return;
        }
        Point anchor = geometry.getInteriorPoint();
        FontMetrics metrics = g.getFontMetrics();
        int w = metrics.stringWidth(text);
        int x = (int) Math.round(projection.x(anchor.getX()) - w / 2.0);
        int y = (int) Math.round(projection.y(anchor.getY()) + metrics.getAscent() / 2.0);
        if (box != null) {
            g.setColor(box);
            g.fillRoundRect(x - 3, y - metrics.getAscent(), w + 6, metrics.getAscent() + 3, 5, 5);
        }
        g.setColor(ink);
        g.drawString(text, x, y);
    }

    private static Envelope extent(MapPicture picture) {
        Envelope envelope = new Envelope();
        picture.areas().forEach(a -> envelope.expandToInclude(a.geometry().getEnvelopeInternal()));
        if (envelope.isNull()) {
            for (int i = 0; i < picture.lons().length; i++) {
                envelope.expandToInclude(picture.lons()[i], picture.lats()[i]);
            }
        }
        picture.highlights().forEach(h -> envelope.expandToInclude(h.geometry().getEnvelopeInternal()));
        if (envelope.isNull()) {
            return null;
        }
        double pad = Math.max(Math.max(envelope.getWidth(), envelope.getHeight()) * 0.04, 0.002);
        envelope.expandBy(pad);
        return envelope;
    }

    private static Path2D path(Geometry geometry, Projection projection) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                ring(path, polygon.getExteriorRing(), projection);
                for (int r = 0; r < polygon.getNumInteriorRing(); r++) {
                    ring(path, polygon.getInteriorRingN(r), projection);
                }
            } else if (part instanceof LineString line) {
                ring(path, line, projection);
            } else if (part instanceof Point point) {
                path.append(new Ellipse2D.Double(projection.x(point.getX()) - 4, projection.y(point.getY()) - 4, 8, 8), false);
            }
        }
        return path;
    }

    private static void ring(Path2D path, LineString ring, Projection projection) {
        Coordinate[] coordinates = ring.getCoordinates();
        for (int i = 0; i < coordinates.length; i++) {
            double x = projection.x(coordinates[i].x);
            double y = projection.y(coordinates[i].y);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        if (ring.isClosed()) {
            path.closePath();
        }
    }

    /** Longitude/latitude to pixels, same scale on both axes in metres. */
    private static final class Projection {
        private final double minLon;
        private final double maxLat;
        private final double pixelsPerDegreeLat;
        private final double pixelsPerDegreeLon;
        private final double offsetX;
        private final double offsetY;

        Projection(Envelope extent, int width, int height) {
            double cos = Math.cos(Math.toRadians((extent.getMinY() + extent.getMaxY()) / 2));
            double widthMetres = extent.getWidth() * cos;
            double heightMetres = extent.getHeight();
            double scale = Math.min(width / widthMetres, height / heightMetres);
            this.pixelsPerDegreeLat = scale;
            this.pixelsPerDegreeLon = scale * cos;
            this.minLon = extent.getMinX();
            this.maxLat = extent.getMaxY();
            this.offsetX = (width - widthMetres * scale) / 2;
            this.offsetY = (height - heightMetres * scale) / 2;
        }

        double x(double lon) {
            return offsetX + (lon - minLon) * pixelsPerDegreeLon;
        }

        double y(double lat) {
            return offsetY + (maxLat - lat) * pixelsPerDegreeLat;
        }

        double metresPerPixel() {
            return METRES_PER_DEGREE / pixelsPerDegreeLat;
        }
    }
}

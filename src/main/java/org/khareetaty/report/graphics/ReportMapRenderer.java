package org.khareetaty.report.graphics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.khareetaty.common.IncidentFilter.BoundingBox;
import org.khareetaty.map.Basemap;
import org.khareetaty.map.BasemapPainter;
import org.khareetaty.map.GeoShape;
import org.khareetaty.map.LayerPainter;
import org.khareetaty.map.Legend;
import org.khareetaty.map.MapSnapshotRenderer;
import org.khareetaty.map.MapViewport;
import org.khareetaty.map.PaintedLayer;
import org.khareetaty.report.pdf.ReportFonts;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Report maps are snapshots drawn by the map pane's own renderer ({@link MapSnapshotRenderer}: offline
 * basemap, the imported boundaries, legends, scale bar, attribution), with report layers on top: the
 * incident dots, the numbered hotspot shapes and area labels. Headless, no window needed.
 */
public final class ReportMapRenderer {

    /** Pixels per layout point: enough for print without making the shared legend text tiny. */
    private static final double SCALE = 1.5;
    private static final Color POINT = new Color(0x1F, 0x4E, 0x8C);
    private static final Color HOTSPOT = new Color(0xC6, 0x28, 0x28);
    private static final Color AREA_LABEL = new Color(0x55, 0x55, 0x55);

    private final ReportFonts fonts;
    private final Basemap basemap;

    public ReportMapRenderer(ReportFonts fonts, Basemap basemap) {
        this.fonts = fonts;
        this.basemap = basemap;
    }

    /** The map at {@code width x height} layout points (the image has {@value #SCALE} pixels per point). */
    public BufferedImage render(MapPicture picture, int width, int height) {
        int w = (int) Math.round(width * SCALE);
        int h = (int) Math.round(height * SCALE);
        BoundingBox extent = extent(picture);
        MapViewport view = MapViewport.fit(extent, w, h, (int) (12 * SCALE), 17);
        List<GeoShape> outlines = picture.areas().stream().map(a -> shape(a.label(), a.geometry())).toList();
        List<GeoShape> hotspots = picture.highlights().stream().map(a -> shape(a.label(), a.geometry())).toList();
        List<PaintedLayer> layers = new ArrayList<>();
        layers.add(new PaintedLayer("report-incidents", new DotsPainter(picture.lons(), picture.lats(),
                picture.pointLegend() + " (" + picture.lons().length + ")"), 0.75));
        if (!hotspots.isEmpty()) {
            layers.add(new PaintedLayer("report-hotspots", new ShapesPainter(hotspots), 1.0));
        }
        layers.add(new PaintedLayer("report-labels", new LabelsPainter(picture.areas(), picture.highlights()), 1.0));
        return MapSnapshotRenderer.render(view, new BasemapPainter(basemap, outlines), layers, w, h,
                MapSnapshotRenderer.Decorations.FULL);
    }

    private static BoundingBox extent(MapPicture picture) {
        Envelope envelope = new Envelope();
        picture.areas().forEach(a -> envelope.expandToInclude(a.geometry().getEnvelopeInternal()));
        if (envelope.isNull()) {
            for (int i = 0; i < picture.lons().length; i++) {
                envelope.expandToInclude(picture.lons()[i], picture.lats()[i]);
            }
        }
        picture.highlights().forEach(h -> envelope.expandToInclude(h.geometry().getEnvelopeInternal()));
        if (envelope.isNull()) {
            return new BoundingBox(-180, -60, 180, 75);  // nothing to show: the world, so the page still explains itself
        }
        envelope.expandBy(Math.max(envelope.getWidth(), envelope.getHeight()) * 0.02 + 0.002);
        return new BoundingBox(envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY());
    }

    /** JTS polygons and lines as the map's Web Mercator shapes. */
    static GeoShape shape(String name, Geometry geometry) {
        List<double[]> parts = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                parts.add(lonLat(polygon.getExteriorRing()));
                for (int r = 0; r < polygon.getNumInteriorRing(); r++) {
                    parts.add(lonLat(polygon.getInteriorRingN(r)));
                }
            } else if (part instanceof LineString line) {
                parts.add(lonLat(line));
            } else if (part instanceof Point point) {
                // a point hotspot: a small square so it can be seen and filled
                double d = 0.0005;
                parts.add(new double[] {point.getX() - d, point.getY() - d, point.getX() + d, point.getY() - d,
                    point.getX() + d, point.getY() + d, point.getX() - d, point.getY() + d, point.getX() - d, point.getY() - d});
            }
        }
        return GeoShape.ofLonLat(name, parts);
    }

    private static double[] lonLat(LineString ring) {
        var coordinates = ring.getCoordinates();
        double[] values = new double[coordinates.length * 2];
        for (int i = 0; i < coordinates.length; i++) {
            values[2 * i] = coordinates[i].x;
            values[2 * i + 1] = coordinates[i].y;
        }
        return values;
    }

    /** Incident dots, smaller when there are many. */
    private record DotsPainter(double[] lons, double[] lats, String label) implements LayerPainter {
        @Override
        public void paint(Graphics2D g, MapViewport view) {
            double radius = (lons.length > 5000 ? 1.2 : lons.length > 1000 ? 1.8 : 2.8) * SCALE / 1.5;
            g.setColor(POINT);
            Ellipse2D.Double dot = new Ellipse2D.Double();
            for (int i = 0; i < lons.length; i++) {
                dot.setFrame(view.screenX(lons[i]) - radius, view.screenY(lats[i]) - radius, 2 * radius, 2 * radius);
                g.fill(dot);
            }
        }

        @Override
        public Legend legend(double zoom) {
            return new Legend("Incidents", List.of(new Legend.Entry(POINT.getRGB(), label)));
        }
    }

    /** Hotspot shapes: translucent fill, firm outline. */
    private record ShapesPainter(List<GeoShape> shapes) implements LayerPainter {
        @Override
        public void paint(Graphics2D g, MapViewport view) {
            for (GeoShape shape : shapes) {
                Path2D path = shape.toPath(view, true, 0.5);
                g.setColor(new Color(HOTSPOT.getRed(), HOTSPOT.getGreen(), HOTSPOT.getBlue(), 70));
                g.fill(path);
                g.setColor(HOTSPOT);
                g.setStroke(new BasicStroke((float) (1.6 * SCALE)));
                g.draw(path);
            }
        }

        @Override
        public Legend legend(double zoom) {
            return new Legend("Hotspots", List.of(new Legend.Entry(HOTSPOT.getRGB(), "numbered by rank")));
        }
    }

    /** Area codes in grey and hotspot ranks in white on red, at each shape's interior point. */
    private final class LabelsPainter implements LayerPainter {
        private final List<MapPicture.Labelled> areas;
        private final List<MapPicture.Labelled> hotspots;

        LabelsPainter(List<MapPicture.Labelled> areas, List<MapPicture.Labelled> hotspots) {
            this.areas = areas;
            this.hotspots = hotspots;
        }

        @Override
        public void paint(Graphics2D g, MapViewport view) {
            g.setFont(fonts.awt((float) (8 * SCALE)));
            for (MapPicture.Labelled area : areas) {
                label(g, view, area, AREA_LABEL, null);
            }
            g.setFont(fonts.awtBold((float) (9 * SCALE)));
            for (MapPicture.Labelled hotspot : hotspots) {
                label(g, view, hotspot, Color.WHITE, HOTSPOT);
            }
        }

        private void label(Graphics2D g, MapViewport view, MapPicture.Labelled labelled, Color ink, Color box) {
            if (labelled.label() == null || labelled.label().isBlank() || labelled.geometry().isEmpty()) {
                return;
            }
            Point anchor = labelled.geometry().getInteriorPoint();
            FontMetrics metrics = g.getFontMetrics();
            int w = metrics.stringWidth(labelled.label());
            int x = (int) Math.round(view.screenX(anchor.getX()) - w / 2.0);
            int y = (int) Math.round(view.screenY(anchor.getY()) + metrics.getAscent() / 2.0);
            if (box != null) {
                g.setColor(box);
                g.fillRoundRect(x - 3, y - metrics.getAscent(), w + 6, metrics.getAscent() + 3, 6, 6);
            }
            g.setColor(ink);
            g.drawString(labelled.label(), x, y);
        }
    }
}

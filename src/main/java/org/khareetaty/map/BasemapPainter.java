package org.khareetaty.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;

/**
 * Draws the offline basemap: sea, land with its coastline, country borders, first-level boundaries
 * and the boundary layers the analyst imported (districts, tracts, governorates).
 */
public final class BasemapPainter implements LayerPainter {

    /** Change this whenever what the painter draws changes: cached tiles drawn by another revision are dropped. */
    public static final String REVISION = "basemap-2026-11-22";

    public static final Color SEA = new Color(0xAAD3DF);
    static final Color LAND = new Color(0xF2EFE9);
    private static final Color COAST = new Color(0x7FA9BD);
    private static final Color COUNTRY = new Color(0x8E7FA8);
    private static final Color ADMIN1 = new Color(0xA89FBD);
    private static final Color IMPORTED = new Color(0x6E6E6E);
    private static final double IMPORTED_MIN_ZOOM = 8;

    private final Basemap basemap;
    private final List<GeoShape> importedBoundaries;

    public BasemapPainter(Basemap basemap, List<GeoShape> importedBoundaries) {
        this.basemap = basemap;
        this.importedBoundaries = List.copyOf(importedBoundaries);
    }

    /** The same basemap with other imported boundaries (after an import of areas). */
    public BasemapPainter withImportedBoundaries(List<GeoShape> boundaries) {
        return new BasemapPainter(basemap, boundaries);
    }

    @Override
    public void paint(Graphics2D g, MapViewport view) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(SEA);
        g.fillRect(0, 0, view.width(), view.height());
        double zoom = view.zoom();
        Basemap.Layer land = basemap.detailFor("land", zoom);
        List<java.awt.geom.Path2D.Double> coasts = new java.util.ArrayList<>();
        if (land != null) {
            g.setColor(LAND);
            for (GeoShape shape : land.shapes()) {
                if (shape.intersects(view, 2)) {
                    var path = shape.toPath(view, true, 0.5);
                    g.fill(path);
                    coasts.add(path);
                }
            }
        }
        for (Basemap.Layer admin1 : basemap.all("admin1", zoom)) {
            strokeAll(g, view, admin1.shapes(), ADMIN1,
                    new BasicStroke(zoom < 8 ? 0.6f : 1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 3f}, 0f));
        }
        Basemap.Layer countries = basemap.detailFor("countries", zoom);
        if (countries != null) {
            strokeAll(g, view, countries.shapes(), COUNTRY, new BasicStroke(zoom < 5 ? 0.8f : 1.6f));
        }
        // The coastline last, so country borders that follow the coast do not colour it.
        g.setColor(COAST);
        g.setStroke(new BasicStroke(zoom < 6 ? 0.6f : 1.2f));
        coasts.forEach(g::draw);
        if (zoom >= IMPORTED_MIN_ZOOM) {
            strokeAll(g, view, importedBoundaries, IMPORTED, new BasicStroke(0.8f));
        }
    }

    private static void strokeAll(Graphics2D g, MapViewport view, List<GeoShape> shapes, Color color, BasicStroke stroke) {
        g.setColor(color);
        g.setStroke(stroke);
        for (GeoShape shape : shapes) {
            if (shape.intersects(view, 2)) {
                g.draw(shape.toPath(view, true, 0.75));
            }
        }
    }
}

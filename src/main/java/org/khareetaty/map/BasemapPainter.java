package org.khareetaty.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.List;

/**
 * Draws the offline basemap: sea, land with its coastline, country borders, first-level boundaries
 * and the boundary layers the analyst imported (districts, tracts, governorates).
 */
public final class BasemapPainter implements LayerPainter {

    /** Change this whenever what the painter draws changes: cached tiles drawn by another revision are dropped. */
    public static final String REVISION = "basemap-2026-11-22b";

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

    /** Pixels beyond the view where outlines are still followed: wider than every stroke, so cuts never show. */
    private static final double MARGIN_PX = 4;
    private static final float[] ADMIN1_DASHES = {4f, 3f};
    private static final double ADMIN1_DASH_CYCLE = 7;

    @Override
    public void paint(Graphics2D g, MapViewport view) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(SEA);
        g.fillRect(0, 0, view.width(), view.height());
        double zoom = view.zoom();
        Basemap.Layer land = basemap.detailFor("land", zoom);
        // All land rings in one path: filled once, and its outline is the coastline.
        Path2D.Double coast = new Path2D.Double(Path2D.WIND_EVEN_ODD, 256);
        if (land != null) {
            forEachSeen(land, view, outline -> outline.rings(view, MARGIN_PX, 0.5, coast));
            g.setColor(LAND);
            g.fill(coast);
        }
        float admin1Width = zoom < 8 ? 0.6f : 1.0f;
        g.setColor(ADMIN1);
        for (Basemap.Layer admin1 : basemap.all("admin1", zoom)) {
            // Dashed: each piece starts at the phase the whole border has there, so dashes meet across tiles.
            forEachSeen(admin1, view, outline -> outline.linePieces(view, MARGIN_PX, 0.75, true, (piece, lengthBeforePx) -> {
                g.setStroke(new BasicStroke(admin1Width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, ADMIN1_DASHES,
                        (float) (lengthBeforePx % ADMIN1_DASH_CYCLE)));
                g.draw(piece);
            }));
        }
        Basemap.Layer countries = basemap.detailFor("countries", zoom);
        if (countries != null) {
            Path2D.Double borders = new Path2D.Double(Path2D.WIND_NON_ZERO, 256);
            forEachSeen(countries, view, outline -> outline.rings(view, MARGIN_PX, 0.75, borders));
            g.setColor(COUNTRY);
            g.setStroke(new BasicStroke(zoom < 5 ? 0.8f : 1.6f));
            g.draw(borders);
        }
        // The coastline last, so country borders that follow the coast do not colour it.
        g.setColor(COAST);
        g.setStroke(new BasicStroke(zoom < 6 ? 0.6f : 1.2f));
        g.draw(coast);
        if (zoom >= IMPORTED_MIN_ZOOM) {
            g.setColor(IMPORTED);
            g.setStroke(new BasicStroke(0.8f));
            for (GeoShape shape : importedBoundaries) {
                if (shape.intersects(view, MARGIN_PX)) {
                    g.draw(shape.toPath(view, true, 0.75));
                }
            }
        }
    }

    /** The layer's prepared features that reach into the view. */
    private void forEachSeen(Basemap.Layer layer, MapViewport view, java.util.function.Consumer<Outline> action) {
        double[] reach = Outline.reach(view, MARGIN_PX);
        for (Outline outline : basemap.outlines(layer)) {
            if (outline.reaches(reach)) {
                action.accept(outline);
            }
        }
    }
}

package org.khareetaty.report.graphics;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * What a report map shows, in WGS 84: labelled area outlines, incident points and numbered highlight
 * shapes (hotspots). Independent of the report model so the renderer can be swapped.
 */
public record MapPicture(List<Labelled> areas, double[] lons, double[] lats, List<Labelled> highlights,
        String pointLegend) {

    /** A shape with a short label drawn at its interior point. */
    public record Labelled(String label, Geometry geometry) {
    }
}

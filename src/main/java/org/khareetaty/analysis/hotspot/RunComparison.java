package org.khareetaty.analysis.hotspot;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * How the hotspots of a later run relate to an earlier run's. Hotspots match when their outlines
 * overlap. A later hotspot with no match is NEW, an earlier one with no match is GONE. Matched hotspots
 * compare incidents per day of their run's window (so a month can be compared with a year): more than
 * {@value #CHANGE_THRESHOLD_PERCENT} % up is GROWN, as much down is SHRUNK, otherwise STABLE.
 */
public record RunComparison(HotspotRun earlier, HotspotRun later, List<Change> changes) {

    public static final int CHANGE_THRESHOLD_PERCENT = 10;

    /** What happened to a hotspot. */
    public enum Status { NEW, GROWN, STABLE, SHRUNK, GONE }

    /**
     * One line of the comparison; {@code later} is null for GONE, {@code earlier} empty for NEW.
     * Rates are incidents per day of the run's window.
     */
    public record Change(Status status, Hotspot later, List<Hotspot> earlier, double laterPerDay, double earlierPerDay,
            double laterAreaM2, double earlierAreaM2) {
    }

    public static RunComparison of(HotspotRun earlierRun, List<Hotspot> earlierHotspots, HotspotRun laterRun,
            List<Hotspot> laterHotspots) {
        List<Change> changes = new ArrayList<>();
        boolean[] earlierMatched = new boolean[earlierHotspots.size()];
        for (Hotspot later : laterHotspots) {
            PreparedGeometry outline = PreparedGeometryFactory.prepare(later.geometry());
            List<Hotspot> matches = new ArrayList<>();
            for (int e = 0; e < earlierHotspots.size(); e++) {
                Hotspot earlier = earlierHotspots.get(e);
                if (sameSign(earlier, later) && outline.intersects(earlier.geometry())
                        && overlapArea(later.geometry(), earlier.geometry()) > 0) {
                    matches.add(earlier);
                    earlierMatched[e] = true;
                }
            }
            double laterRate = later.incidentCount() / (double) laterRun.days();
            double earlierRate = matches.stream().mapToLong(Hotspot::incidentCount).sum() / (double) earlierRun.days();
            double earlierArea = matches.stream().mapToDouble(Hotspot::areaM2).sum();
            Status status;
            if (matches.isEmpty()) {
                status = Status.NEW;
            } else if (laterRate > earlierRate * (1 + CHANGE_THRESHOLD_PERCENT / 100.0)) {
                status = Status.GROWN;
            } else if (laterRate < earlierRate * (1 - CHANGE_THRESHOLD_PERCENT / 100.0)) {
                status = Status.SHRUNK;
            } else {
                status = Status.STABLE;
            }
            changes.add(new Change(status, later, matches, laterRate, earlierRate, later.areaM2(), earlierArea));
        }
        for (int e = 0; e < earlierHotspots.size(); e++) {
            if (!earlierMatched[e]) {
                Hotspot gone = earlierHotspots.get(e);
                changes.add(new Change(Status.GONE, null, List.of(gone), 0,
                        gone.incidentCount() / (double) earlierRun.days(), 0, gone.areaM2()));
            }
        }
        return new RunComparison(earlierRun, laterRun, List.copyOf(changes));
    }

    public long count(Status status) {
        return changes.stream().filter(c -> c.status() == status).count();
    }

    private static boolean sameSign(Hotspot a, Hotspot b) {
        return a.cold() == b.cold();
    }

    private static double overlapArea(Geometry a, Geometry b) {
        try {
            return a.intersection(b).getArea();
        } catch (org.locationtech.jts.geom.TopologyException e) {
            // Touching outlines with rounding noise: treat as overlapping when their envelopes do.
            return a.getEnvelopeInternal().intersects(b.getEnvelopeInternal()) ? 1 : 0;
        }
    }
}

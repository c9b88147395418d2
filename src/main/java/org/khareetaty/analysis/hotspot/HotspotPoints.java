package org.khareetaty.analysis.hotspot;

import java.time.LocalDate;
import java.util.Arrays;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.store.IncidentSnapshot;

/**
 * The located incidents an analysis runs on: snapshot rows that pass the filter, projected to metres.
 * Point i is snapshot row {@code rows[i]}. {@code extent} is the data's extent in metres without gross
 * outliers (such as 0°, 0° coordinates), used for grids; outliers still take part in every analysis.
 */
public record HotspotPoints(
        IncidentSnapshot snapshot,
        IncidentFilter filter,
        int[] rows,
        ProjectedPoints projected,
        Extent extent,
        int outliers,
        LocalDate dataFrom,
        LocalDate dataTo) {

    /** A rectangle in projected metres. */
    public record Extent(double minX, double minY, double maxX, double maxY) {
        public double width() {
            return maxX - minX;
        }

        public double height() {
            return maxY - minY;
        }
    }

    /** Gross outliers lie more than this fraction of the data's 0.1–99.9 % span outside that range. */
    private static final double OUTLIER_MARGIN = 0.25;

    public int size() {
        return rows.length;
    }

    public MetricProjection projection() {
        return projected.projection();
    }

    /** Days covered: the filter's window where set, else the first to the last incident's day. */
    public long days() {
        return dataFrom == null ? 0 : dataTo.toEpochDay() - dataFrom.toEpochDay() + 1;
    }

    /** Selects and projects the located incidents of the snapshot that pass the filter. */
    public static HotspotPoints select(IncidentSnapshot snapshot, IncidentFilter filter) {
        int[] rows = snapshot.matchingLocated(filter);
        if (rows.length == 0) {
            throw new IllegalArgumentException("No located incidents match the filter " + describe(filter));
        }
        int n = rows.length;
        double[] lon = new double[n];
        double[] lat = new double[n];
        int firstDay = Integer.MAX_VALUE;
        int lastDay = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            lon[i] = snapshot.lon(rows[i]);
            lat[i] = snapshot.lat(rows[i]);
            firstDay = Math.min(firstDay, snapshot.localEpochDay(rows[i]));
            lastDay = Math.max(lastDay, snapshot.localEpochDay(rows[i]));
        }
        double[] lonRange = bulkRange(lon);
        double[] latRange = bulkRange(lat);
        double minLon = Double.POSITIVE_INFINITY;
        double minLat = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        boolean[] inBulk = new boolean[n];
        int outliers = 0;
        for (int i = 0; i < n; i++) {
            inBulk[i] = lon[i] >= lonRange[0] && lon[i] <= lonRange[1] && lat[i] >= latRange[0] && lat[i] <= latRange[1];
            if (inBulk[i]) {
                minLon = Math.min(minLon, lon[i]);
                maxLon = Math.max(maxLon, lon[i]);
                minLat = Math.min(minLat, lat[i]);
                maxLat = Math.max(maxLat, lat[i]);
            } else {
                outliers++;
            }
        }
        MetricProjection projection = MetricProjection.forExtent(minLon, minLat, maxLon, maxLat);
        ProjectedPoints projected = projection.project(lon, lat);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (inBulk[i]) {
                minX = Math.min(minX, projected.x()[i]);
                maxX = Math.max(maxX, projected.x()[i]);
                minY = Math.min(minY, projected.y()[i]);
                maxY = Math.max(maxY, projected.y()[i]);
            }
        }
        LocalDate from = filter.from() != null ? filter.from() : LocalDate.ofEpochDay(firstDay);
        LocalDate to = filter.to() != null ? filter.to() : LocalDate.ofEpochDay(lastDay);
        return new HotspotPoints(snapshot, filter, rows, projected, new Extent(minX, minY, maxX, maxY), outliers, from, to);
    }

    /** The 0.1–99.9 % range of a sample of the values, widened by {@link #OUTLIER_MARGIN} of its span each side. */
    private static double[] bulkRange(double[] values) {
        int step = Math.max(1, values.length / 100_000);
        double[] sample = new double[(values.length + step - 1) / step];
        for (int i = 0, k = 0; i < values.length; i += step) {
            sample[k++] = values[i];
        }
        Arrays.sort(sample);
        double low = sample[(int) Math.floor(0.001 * (sample.length - 1))];
        double high = sample[(int) Math.ceil(0.999 * (sample.length - 1))];
        double margin = Math.max(OUTLIER_MARGIN * (high - low), 1e-6);
        return new double[] {low - margin, high + margin};
    }

    static String describe(IncidentFilter filter) {
        StringBuilder text = new StringBuilder();
        text.append(filter.from() == null ? "(from the start" : "(from " + filter.from());
        text.append(filter.to() == null ? " to the end" : " to " + filter.to());
        if (!filter.categories().isEmpty()) {
            text.append(", categories ").append(String.join(", ", filter.categories().stream().sorted().toList()));
        }
        if (!filter.areas().isEmpty()) {
            text.append(", ").append(filter.areas().size()).append(" area(s)");
        }
        if (filter.selection() != null) {
            text.append(", map selection");
        }
        return text.append(')').toString();
    }
}

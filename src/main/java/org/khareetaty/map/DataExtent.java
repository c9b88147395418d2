package org.khareetaty.map;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.khareetaty.common.IncidentFilter.BoundingBox;
import org.khareetaty.store.IncidentSnapshot;

/**
 * The ground the incidents cover, for opening the map and "zoom to data": the box holding all but the
 * outermost 0.1 % of the points on each side, so a few incidents geocoded far away (a default 0,0, another
 * city) do not zoom the map out to a whole region. Read from an even sample of at most {@value #SAMPLE} points,
 * so it costs a few milliseconds for any number of incidents.
 */
public final class DataExtent {

    static final int SAMPLE = 20_000;
    private static final double TRIM = 0.001;

    private DataExtent() {
    }

    /** The extent of the located incidents of a snapshot; null when none is located. */
    public static BoundingBox of(IncidentSnapshot snapshot) {
        int[] located = snapshot.matchingLocated(org.khareetaty.common.IncidentFilter.ALL);
        return of(located.length, i -> snapshot.lon(located[i]), i -> snapshot.lat(located[i]));
    }

    /** The extent of the points of an index (the incidents on the map under the filter); null when it is empty. */
    public static BoundingBox of(PointIndex index) {
        return of(index.size(), i -> WebMercator.lon(index.normX(i)), i -> WebMercator.lat(index.normY(i)));
    }

    /** The extent of {@code n} points given by position; null when there are none. */
    static BoundingBox of(int n, IntToDoubleFunction lon, IntToDoubleFunction lat) {
        if (n == 0) {
            return null;
        }
        int samples = Math.min(n, SAMPLE);
        double[] lons = new double[samples];
        double[] lats = new double[samples];
        for (int s = 0; s < samples; s++) {
            int i = (int) ((long) s * n / samples);
            lons[s] = lon.applyAsDouble(i);
            lats[s] = lat.applyAsDouble(i);
        }
        Arrays.sort(lons);
        Arrays.sort(lats);
        int low = (int) Math.floor(TRIM * (samples - 1));
        int high = samples - 1 - low;
        return new BoundingBox(lons[low], lats[low], lons[high], lats[high]);
    }
}

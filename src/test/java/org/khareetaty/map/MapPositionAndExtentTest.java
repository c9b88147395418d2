package org.khareetaty.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.khareetaty.common.IncidentFilter.BoundingBox;

/** Where the map reopens, and the ground the incidents cover. */
class MapPositionAndExtentTest {

    @Test
    void aPositionIsStoredAsTextAndReadBack() {
        MapPosition kept = new MapPosition(-75.1652, 39.9526, 11.5);
        assertThat(MapPosition.parse(kept.format())).contains(kept);
        assertThat(MapPosition.parse("")).isEmpty();
        assertThat(MapPosition.parse("47.9,29.3")).isEmpty();
        assertThat(MapPosition.parse("47.9,north,11")).isEmpty();
        assertThat(MapPosition.parse("47.9,89.9,11")).as("beyond the Mercator square").isEmpty();
        assertThat(MapPosition.parse("47.9,29.3,42")).isEmpty();
    }

    @Test
    void theExtentLeavesOutTheFewIncidentsFarAwayFromTheRest() {
        Random random = new Random(3);
        int n = 50_000;
        double[] lon = new double[n];
        double[] lat = new double[n];
        for (int i = 0; i < n; i++) {
            lon[i] = 47.9 + random.nextDouble() * 0.2;
            lat[i] = 29.3 + random.nextDouble() * 0.1;
        }
        // Ten incidents geocoded to 0,0 and one in another country.
        for (int i = 0; i < 10; i++) {
            lon[i * 997] = 0;
            lat[i * 997] = 0;
        }
        lon[123] = 2.35;
        lat[123] = 48.85;
        BoundingBox box = DataExtent.of(n, i -> lon[i], i -> lat[i]);
        assertThat(box.minLon()).isCloseTo(47.9, within(0.01));
        assertThat(box.maxLon()).isCloseTo(48.1, within(0.01));
        assertThat(box.minLat()).isCloseTo(29.3, within(0.01));
        assertThat(box.maxLat()).isCloseTo(29.4, within(0.01));
    }

    @Test
    void aSmallSetKeepsEveryPointAndNoPointsHaveNoExtent() {
        double[] lon = {47.0, 48.0, 47.5};
        double[] lat = {29.0, 29.5, 30.0};
        assertThat(DataExtent.of(3, i -> lon[i], i -> lat[i])).isEqualTo(new BoundingBox(47.0, 29.0, 48.0, 30.0));
        assertThat(DataExtent.of(0, i -> 0, i -> 0)).isNull();
    }
}

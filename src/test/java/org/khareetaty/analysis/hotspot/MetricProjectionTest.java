package org.khareetaty.analysis.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricProjectionTest {

    @Test
    void centralMeridianNorthingIsTheScaledMeridianArc() {
        // WGS 84 meridian arc from the equator to 40° N is 4,429,529.03 m; UTM scales it by 0.9996.
        double[] xy = MetricProjection.utm(18, true).forward(-75, 40);
        assertThat(xy[0]).isCloseTo(500_000, within(1e-6));
        assertThat(xy[1]).isCloseTo(0.9996 * 4_429_529.03, within(0.02));
    }

    @Test
    void inverseUndoesForward() {
        MetricProjection projection = MetricProjection.utm(18, true);
        for (double[] p : new double[][] {{-75.16, 39.95}, {-77.9, 41.2}, {-72.1, 38.0}}) {
            double[] xy = projection.forward(p[0], p[1]);
            double[] back = projection.inverse(xy[0], xy[1]);
            assertThat(back[0]).isCloseTo(p[0], within(1e-9));
            assertThat(back[1]).isCloseTo(p[1], within(1e-9));
        }
    }

    @Test
    void choosesTheUtmZoneOfTheData() {
        assertThat(MetricProjection.forExtent(-75.28, 39.87, -74.95, 40.14).displayName())
                .isEqualTo("EPSG:32618 WGS 84 / UTM zone 18N");
        assertThat(MetricProjection.forExtent(47.5, 28.9, 48.4, 29.6).displayName())
                .isEqualTo("EPSG:32638 WGS 84 / UTM zone 38N");
        assertThat(MetricProjection.forExtent(-10, 35, 30, 60).code()).isNull();
        assertThat(MetricProjection.parse(MetricProjection.utm(39, true).displayName()).epsg()).isEqualTo(32639);
    }

    @Test
    void distancesAreMetres() {
        MetricProjection projection = MetricProjection.utm(18, true);
        double[] a = projection.forward(-75.16, 39.95);
        double[] b = projection.forward(-75.16, 39.96);
        // 0.01° of latitude at 40° N is 1,110.6 m on the ellipsoid; UTM near its central meridian scales by 0.9996.
        assertThat(Math.hypot(a[0] - b[0], a[1] - b[1])).isCloseTo(1110.6 * 0.9996, within(1.0));
    }
}

package org.khareetaty.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.khareetaty.common.IncidentFilter.BoundingBox;

class MapViewportTest {

    @Test
    void webMercatorMatchesKnownTileCoordinates() {
        // Philadelphia City Hall (-75.1636, 39.9526) lies in OSM tile 12/1192/1551 (OSM wiki formula, asinh(tan(lat))).
        int z = 12;
        double n = Math.pow(2, z);
        assertThat((long) Math.floor(WebMercator.x(-75.1636) * n)).isEqualTo(1192);
        assertThat((long) Math.floor(WebMercator.y(39.9526) * n)).isEqualTo(1551);
        // The equator and Greenwich meet in the middle of the world square.
        assertThat(WebMercator.x(0)).isEqualTo(0.5);
        assertThat(WebMercator.y(0)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void projectionRoundTripsAndMetresPerPixel() {
        for (double lat : new double[] {-60, -10, 0, 29.37, 39.95, 70}) {
            assertThat(WebMercator.lat(WebMercator.y(lat))).isCloseTo(lat, within(1e-9));
        }
        assertThat(WebMercator.lon(WebMercator.x(47.98))).isCloseTo(47.98, within(1e-9));
        // Zoom 0 at the equator: 40,075,016.686 m over 256 px.
        assertThat(WebMercator.metresPerPixel(0, 0)).isCloseTo(156_543.034, within(0.01));
        assertThat(WebMercator.lonFromMetres(20_037_508.3428)).isCloseTo(180, within(1e-6));
    }

    @Test
    void screenPositionsInvertAndCentreIsInTheMiddle() {
        MapViewport view = new MapViewport(47.98, 29.37, 11.5, 800, 600);
        assertThat(view.screenX(47.98)).isCloseTo(400, within(1e-6));
        assertThat(view.screenY(29.37)).isCloseTo(300, within(1e-6));
        assertThat(view.lonAt(view.screenX(48.1))).isCloseTo(48.1, within(1e-9));
        assertThat(view.latAt(view.screenY(29.2))).isCloseTo(29.2, within(1e-9));
        // One zoom level doubles distances on screen.
        MapViewport closer = view.withZoom(12.5);
        assertThat(closer.screenX(48.0) - 400).isCloseTo(2 * (view.screenX(48.0) - 400), within(1e-6));
    }

    @Test
    void zoomAroundKeepsThePointUnderTheCursor() {
        MapViewport view = new MapViewport(-75.16, 39.95, 12, 1000, 700);
        double lon = view.lonAt(150);
        double lat = view.latAt(620);
        MapViewport zoomed = view.zoomAround(1.25, 150, 620);
        assertThat(zoomed.zoom()).isEqualTo(13.25);
        assertThat(zoomed.screenX(lon)).isCloseTo(150, within(1e-6));
        assertThat(zoomed.screenY(lat)).isCloseTo(620, within(1e-6));
    }

    @Test
    void fitShowsTheWholeBox() {
        BoundingBox kuwait = new BoundingBox(46.55, 28.52, 48.43, 30.1);
        MapViewport view = MapViewport.fit(kuwait, 900, 700, 20, 18);
        BoundingBox shown = view.bounds();
        assertThat(shown.minLon()).isLessThanOrEqualTo(46.55);
        assertThat(shown.maxLon()).isGreaterThanOrEqualTo(48.43);
        assertThat(shown.minLat()).isLessThanOrEqualTo(28.52);
        assertThat(shown.maxLat()).isGreaterThanOrEqualTo(30.1);
        // ... and it is tight: one more zoom level would cut it.
        assertThat(view.withZoom(view.zoom() + 1).bounds().maxLon()).isLessThan(48.43);
    }

    @Test
    void tileViewportCoversItsTile() {
        MapViewport tile = MapViewport.ofTile(12, 1192, 1551);
        assertThat(tile.originX()).isCloseTo(1192 * 256.0, within(1e-6));
        assertThat(tile.originY()).isCloseTo(1551 * 256.0, within(1e-6));
    }

    @Test
    void scaleBarIsRound() {
        ScaleBar bar = ScaleBar.of(9.55, 100);   // zoom 14 near the equator
        assertThat(bar.metres()).isEqualTo(500);
        assertThat(bar.label()).isEqualTo("500 m");
        assertThat(bar.pixels()).isCloseTo(500 / 9.55, within(1e-9));
        assertThat(ScaleBar.of(300, 100).label()).isEqualTo("20 km");
    }
}

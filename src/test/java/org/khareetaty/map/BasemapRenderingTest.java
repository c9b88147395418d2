package org.khareetaty.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled basemap draws real geography offline: land where land is, sea where sea is, borders. */
class BasemapRenderingTest {

    private static Basemap basemap;

    @BeforeAll
    static void load() {
        basemap = Basemap.loadBundled();
    }

    private static BufferedImage tile(int z, double lon, double lat) {
        double n = Math.pow(2, z);
        long x = (long) Math.floor(WebMercator.x(lon) * n);
        long y = (long) Math.floor(WebMercator.y(lat) * n);
        return MapSnapshotRenderer.render(MapViewport.ofTile(z, x, y), new BasemapPainter(basemap, List.of()), List.of(),
                256, 256, MapSnapshotRenderer.Decorations.NONE);
    }

    private static int rgbAt(MapViewport view, BufferedImage image, double lon, double lat) {
        return image.getRGB((int) view.screenX(lon), (int) view.screenY(lat)) & 0xFFFFFF;
    }

    @Test
    void kuwaitTilesShowLandSeaAndBorders() {
        MapViewport view = new MapViewport(47.9, 29.3, 8, 512, 512);
        BufferedImage image = MapSnapshotRenderer.render(view, new BasemapPainter(basemap, List.of()), List.of(), 512, 512,
                MapSnapshotRenderer.Decorations.NONE);
        // Inland Kuwait (Al Jahra desert) is land; the Gulf east of Failaka is sea.
        assertThat(rgbAt(view, image, 47.4, 29.4)).isEqualTo(BasemapPainter.LAND.getRGB() & 0xFFFFFF);
        assertThat(rgbAt(view, image, 48.6, 29.2)).isEqualTo(BasemapPainter.SEA.getRGB() & 0xFFFFFF);
        assertThat(distinctColours(image)).isGreaterThan(4);   // land, sea, coast, borders (and anti-aliasing)
        assertThat(distinctColours(tile(12, 47.98, 29.37))).isGreaterThan(1);
    }

    @Test
    void philadelphiaTilesShowTheDelawareAndStateLines() {
        MapViewport view = new MapViewport(-75.15, 39.95, 8, 512, 512);
        BufferedImage image = MapSnapshotRenderer.render(view, new BasemapPainter(basemap, List.of()), List.of(), 512, 512,
                MapSnapshotRenderer.Decorations.NONE);
        assertThat(rgbAt(view, image, -76.5, 40.3)).isEqualTo(BasemapPainter.LAND.getRGB() & 0xFFFFFF);
        // The Atlantic off New Jersey.
        assertThat(rgbAt(view, image, -74.0, 39.3)).isEqualTo(BasemapPainter.SEA.getRGB() & 0xFFFFFF);
        assertThat(distinctColours(image)).isGreaterThan(4);
        assertThat(distinctColours(tile(10, -75.16, 39.95))).isGreaterThan(2);
    }

    @Test
    void firstLevelBoundariesOfTheSampleRegionsAreBundled() {
        List<String> names = basemap.all("admin1", 10).stream()
                .flatMap(l -> l.shapes().stream()).map(GeoShape::name).toList();
        assertThat(names).contains("Pennsylvania, United States of America", "New Jersey, United States of America");
        assertThat(names).anyMatch(n -> n.endsWith(", Kuwait"));
        GeoShape pennsylvania = basemap.all("admin1", 10).stream().flatMap(l -> l.shapes().stream())
                .filter(s -> s.name().startsWith("Pennsylvania")).findFirst().orElseThrow();
        assertThat(pennsylvania.contains(-77.0, 40.8)).isTrue();
        assertThat(pennsylvania.contains(-74.5, 40.2)).isFalse();   // New Jersey
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}

package org.khareetaty.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
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

    @Test
    void outlinesCutToATileFillAndStrokeWhatTheWholeShapesDo() {
        // Land (continent rings of up to 76,000 vertices) and state borders round both sample cities, at every zoom.
        int compared = 0;
        for (double[] place : new double[][] {{-75.16, 39.95}, {-74.05, 40.45}, {47.98, 29.37}, {48.3, 29.0}}) {
            for (int z = 4; z <= 15; z++) {
                long n = 1L << z;
                long x = (long) Math.floor(WebMercator.x(place[0]) * n);
                long y = (long) Math.floor(WebMercator.y(place[1]) * n);
                MapViewport view = MapViewport.ofTile(z, x, y);
                for (String layerName : List.of("land", "admin1")) {
                    for (Basemap.Layer layer : basemap.all(layerName, z)) {
                        List<GeoShape> shapes = layer.shapes();
                        List<Outline> outlines = basemap.outlines(layer);
                        BufferedImage whole = blank();
                        BufferedImage cut = blank();
                        BufferedImage wholeLines = blank();
                        BufferedImage pieces = blank();
                        Graphics2D w = pen(whole);
                        Graphics2D c = pen(cut);
                        Graphics2D wl = pen(wholeLines);
                        Graphics2D pl = pen(pieces);
                        for (int i = 0; i < shapes.size(); i++) {
                            if (!shapes.get(i).intersects(view, 4)) {
                                continue;
                            }
                            var wholePath = shapes.get(i).toPath(view, true, 0.5);
                            var cutPath = outlines.get(i).rings(view, 4, 0.5, new Path2D.Double(Path2D.WIND_EVEN_ODD));
                            w.fill(wholePath);
                            c.fill(cutPath);
                            w.draw(wholePath);
                            c.draw(cutPath);
                            wl.draw(wholePath);
                            outlines.get(i).linePieces(view, 4, 0.5, true, (piece, lengthBefore) -> pl.draw(piece));
                            compared++;
                        }
                        assertThat(differingPixels(whole, cut)).as("%s at z%d %d/%d", layerName, z, x, y).isLessThanOrEqualTo(3);
                        // Pieces end in caps where the whole ring has a join (at a ring's first vertex): a few pixels.
                        assertThat(differingPixels(wholeLines, pieces)).as("%s lines at z%d", layerName, z).isLessThanOrEqualTo(16);
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(40);
    }

    @Test
    void tilesMeetAcrossTheirEdgesDashedBordersIncluded() {
        // Four tiles drawn one by one, side by side, against the same ground drawn as one picture: a dashed state
        // border (Pennsylvania / Delaware / Maryland / New Jersey) keeps its dash phase across the tile edges.
        BasemapPainter painter = new BasemapPainter(basemap, List.of());
        for (int z : new int[] {9, 11, 13}) {
            long n = 1L << z;
            long x = (long) Math.floor(WebMercator.x(-75.45) * n);
            long y = (long) Math.floor(WebMercator.y(39.82) * n);
            BufferedImage stitched = new BufferedImage(512, 512, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = stitched.createGraphics();
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    g.drawImage(MapSnapshotRenderer.render(MapViewport.ofTile(z, x + dx, y + dy), painter, List.of(), 256, 256,
                            MapSnapshotRenderer.Decorations.NONE), 256 * dx, 256 * dy, null);
                }
            }
            g.dispose();
            MapViewport whole = new MapViewport(WebMercator.lon((x + 1.0) / n), WebMercator.lat((y + 1.0) / n), z, 512, 512);
            BufferedImage once = MapSnapshotRenderer.render(whole, painter, List.of(), 512, 512, MapSnapshotRenderer.Decorations.NONE);
            assertThat(distinctColours(once)).as("z%d shows borders", z).isGreaterThan(3);
            assertThat(differingPixels(stitched, once)).as("z%d", z).isLessThanOrEqualTo(12);
        }
    }

    private static BufferedImage blank() {
        return new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
    }

    private static Graphics2D pen(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        return g;
    }

    /** Pixels whose colour differs by more than anti-aliasing rounding (a quarter of the range in some channel). */
    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 24; shift += 8) {
                    if (Math.abs(((p >>> shift) & 0xFF) - ((q >>> shift) & 0xFF)) > 64) {
                        differing++;
                        break;
                    }
                }
            }
        }
        return differing;
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

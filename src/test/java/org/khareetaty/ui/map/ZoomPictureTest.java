package org.khareetaty.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khareetaty.map.MapViewport;

/** The picture scaled while the zoom changes: composed from tiles, and placed where the tiles would be. */
class ZoomPictureTest {

    private static int[] tile(int argb) {
        int[] pixels = new int[256 * 256];
        Arrays.fill(pixels, argb);
        return pixels;
    }

    @Test
    void composesBasemapTilesWithTheOverlayOverThemAtTheirPlace() {
        MapViewport view = new MapViewport(-75.16, 39.95, 11, 600, 400);
        ZoomPicture.Placement at = ZoomPicture.Placement.of(view);
        assertThat(at.z()).isEqualTo(11);
        assertThat(at.width()).isBetween(600, 601);
        Map<String, int[]> basemap = new HashMap<>();
        Map<String, int[]> overlay = new HashMap<>();
        long firstX = Math.floorDiv(at.left(), 256);
        long firstY = Math.floorDiv(at.top(), 256);
        for (long ty = firstY; ty <= Math.floorDiv(at.top() + at.height() - 1, 256); ty++) {
            for (long tx = firstX; tx <= Math.floorDiv(at.left() + at.width() - 1, 256); tx++) {
                // A different grey per tile column, so a pixel tells which tile it came from.
                basemap.put("11/" + tx + "/" + ty, tile(0xFF000000 | (int) (tx - firstX) * 0x202020));
            }
        }
        // Half-transparent red (premultiplied, as tiles are) over the top-left tile only.
        overlay.put("11/" + firstX + "/" + firstY, tile(0x80800000));
        int[] picture = ZoomPicture.compose(at, basemap::get, overlay::get);
        assertThat(picture).hasSize(at.width() * at.height());
        // Top-left pixel: red over black, about half red.
        assertThat((picture[0] >> 16) & 0xFF).isCloseTo(128, within(2));
        assertThat(picture[0] & 0xFFFF).isZero();
        // The first pixel of the second tile column (no overlay there): that column's grey, opaque.
        int secondColumn = (int) ((firstX + 1) * 256 - at.left());
        assertThat(picture[secondColumn]).isEqualTo(0xFF202020);
        assertThat(picture[secondColumn - 1] >>> 24).isEqualTo(0xFF);

        // A missing basemap tile: the matching quarter of its parent stands in, enlarged; without a parent, the sea.
        basemap.remove("11/" + (firstX + 1) + "/" + firstY);
        int[] withoutParent = ZoomPicture.compose(at, basemap::get, overlay::get);
        assertThat(withoutParent[secondColumn]).isEqualTo(ZoomPicture.SEA);
        int[] parent = new int[256 * 256];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = 0xFF000000 | (i % 256) << 8 | i / 256;   // green = column, blue = row of the parent
        }
        long x = firstX + 1;
        basemap.put("10/" + (x >> 1) + "/" + (firstY >> 1), parent);
        int[] withParent = ZoomPicture.compose(at, basemap::get, overlay::get);
        int row = (int) (firstY * 256 - at.top());   // the missing tile's first row in the picture (may be above it)
        int y = Math.max(0, row);
        int pixel = withParent[y * at.width() + secondColumn];
        assertThat((pixel >> 8) & 0xFF).isEqualTo((int) ((x & 1) * 128));
        assertThat(pixel & 0xFF).isEqualTo((int) ((firstY & 1) * 128 + (y - row) / 2));
    }

    @Test
    void placementFollowsTheZoomLikeTheTilesDo() {
        MapViewport start = new MapViewport(47.98, 29.37, 12, 800, 600);
        ZoomPicture.Placement at = ZoomPicture.Placement.of(start);
        assertThat(at.screenX(start)).isCloseTo(0, within(1.0));
        assertThat(at.scale(start)).isCloseTo(1, within(1e-9));
        // Half a level in around the centre: sqrt(2) larger, and the centre stays put.
        MapViewport in = start.withZoom(12.5);
        double scale = at.scale(in);
        assertThat(scale).isCloseTo(Math.sqrt(2), within(1e-9));
        double centreOnPicture = start.width() / 2.0 - at.screenX(start);
        assertThat(at.screenX(in) + centreOnPicture * scale).isCloseTo(in.width() / 2.0, within(1.0));
    }

    @Test
    void drawsThePictureAsItAppearsInTheViewPixelForPixel() {
        MapViewport start = new MapViewport(47.98, 29.37, 12, 800, 600);
        ZoomPicture.Placement at = ZoomPicture.Placement.of(start);
        int[] picture = numberedPicture(at);
        int[] screen = new int[800 * 600];
        // At rest the view shows the picture unscaled, shifted by where it lies.
        at.drawInto(picture, start, screen);
        int dx = (int) Math.round(-at.screenX(start));
        int dy = (int) Math.round(-at.screenY(start));
        assertThat(screen[300 * 800 + 400]).isEqualTo(picture[(300 + dy) * at.width() + 400 + dx]);
        // Three levels in around the centre: each picture pixel covers 8 x 8 screen pixels around the centre.
        MapViewport in = start.withZoom(15);
        at.drawInto(picture, in, screen);
        int centre = screen[300 * 800 + 400] & 0xFFFFFF;
        int column = centre % at.width();
        int row = centre / at.width();
        assertThat(column).isCloseTo(at.width() / 2, within(2));
        assertThat(row).isCloseTo(at.height() / 2, within(2));
        double left = at.screenX(in);
        double top = at.screenY(in);
        for (int x : new int[] {0, 123, 799}) {
            for (int y : new int[] {0, 77, 599}) {
                int pixel = screen[y * 800 + x] & 0xFFFFFF;
                assertThat(pixel % at.width()).isEqualTo((int) Math.floor((x + 0.5 - left) / 8));
                assertThat(pixel / at.width()).isEqualTo((int) Math.floor((y + 0.5 - top) / 8));
            }
        }
        // Zoomed out two levels the picture covers a quarter of the view each way; outside it, nothing.
        MapViewport out = start.withZoom(10);
        at.drawInto(picture, out, screen);
        assertThat(screen[0]).isZero();
        assertThat(screen[300 * 800 + 400] >>> 24).isEqualTo(0xFF);
    }

    /** An opaque picture whose every pixel tells where it came from (its index). */
    private static int[] numberedPicture(ZoomPicture.Placement at) {
        int[] picture = new int[at.width() * at.height()];
        for (int i = 0; i < picture.length; i++) {
            picture[i] = 0xFF000000 | i;
        }
        return picture;
    }

    /** Every pixel, for views in, out and off to one side: the same as looking each one up in the picture. */
    @Test
    void drawsEveryPixelAsTheNearestPicturePixel() {
        MapViewport start = new MapViewport(47.98, 29.37, 12, 300, 200);
        ZoomPicture.Placement at = ZoomPicture.Placement.of(start);
        int[] picture = numberedPicture(at);
        for (MapViewport view : List.of(start, start.withZoom(12.6), start.withZoom(13.37), start.withZoom(11.2),
                start.panBy(170, -90).withZoom(12.3), start.panBy(-400, 0), start.withZoom(9))) {
            int[] screen = new int[view.width() * view.height()];
            Arrays.fill(screen, 0x12345678);
            at.drawInto(picture, view, screen);
            double scale = at.scale(view);
            for (int y = 0; y < view.height(); y++) {
                for (int x = 0; x < view.width(); x++) {
                    int column = (int) Math.floor((x + 0.5 - at.screenX(view)) / scale);
                    int row = (int) Math.floor((y + 0.5 - at.screenY(view)) / scale);
                    int expected = column >= 0 && column < at.width() && row >= 0 && row < at.height()
                            ? picture[row * at.width() + column] : 0;
                    assertThat(screen[y * view.width() + x]).as("pixel %d,%d of %s", x, y, view).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void overBlendsByAlpha() {
        assertThat(ZoomPicture.over(0x00FF0000, 0xFF0000FF)).isEqualTo(0xFF0000FF);
        assertThat(ZoomPicture.over(0xFFFF0000, 0xFF0000FF)).isEqualTo(0xFFFF0000);
        // Half-transparent white (premultiplied: 0x80808080) over black, and over blue.
        int half = ZoomPicture.over(0x80808080, 0xFF000000);
        assertThat(half & 0xFF).isCloseTo(128, within(1));
        assertThat(half >>> 24).isEqualTo(0xFF);
        int onBlue = ZoomPicture.over(0x80808080, 0xFF0000FF);
        assertThat(onBlue & 0xFF).isEqualTo(0xFF);
        assertThat((onBlue >> 16) & 0xFF).isCloseTo(128, within(1));
    }
}

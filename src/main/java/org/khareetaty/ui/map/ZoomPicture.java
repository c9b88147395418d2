package org.khareetaty.ui.map;

import java.util.function.Function;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import org.khareetaty.map.MapViewport;
import org.khareetaty.map.WebMercator;

/**
 * The one picture shown while the zoom changes (ADR 0042): the basemap and the overlay of the view where the
 * gesture began, composed once from tiles already drawn, at a whole tile level. During the gesture only this
 * picture is scaled, so JavaFX's software renderer resamples one opaque image per frame instead of every
 * basemap tile, its covering parents and the overlay.
 */
final class ZoomPicture {

    /** Where the picture lies: level-{@code z} world pixels of its top left corner, and its size. */
    record Placement(int z, long left, long top, int width, int height) {

        /** The picture that covers a view, at the tile level nearest to its zoom. */
        static Placement of(MapViewport view) {
            int z = (int) Math.max(0, Math.min(20, Math.round(view.zoom())));
            double toLevel = WebMercator.worldSize(z) / view.worldSize();
            long left = (long) Math.floor(view.originX() * toLevel);
            long top = (long) Math.floor(view.originY() * toLevel);
            long right = (long) Math.ceil((view.originX() + view.width()) * toLevel);
            long bottom = (long) Math.ceil((view.originY() + view.height()) * toLevel);
            return new Placement(z, left, top, (int) (right - left), (int) (bottom - top));
        }

        /** Screen x of the picture's left edge in a view (at any zoom), and its width there. */
        double screenX(MapViewport view) {
            return left * scale(view) - view.originX();
        }

        double screenY(MapViewport view) {
            return top * scale(view) - view.originY();
        }

        double scale(MapViewport view) {
            return view.worldSize() / WebMercator.worldSize(z);
        }

        /**
         * Draws the picture as it appears in a view into {@code target} (the view's pixels, row by row), nearest
         * pixel: what the renderer then shows is one unscaled opaque image, copied, not resampled (ADR 0045: the
         * software pipeline took 12–14 ms a frame to scale the picture itself). Pixels the picture does not reach are
         * transparent.
         */
        void drawInto(int[] picture, MapViewport view, int[] target) {
            double scale = scale(view);
            double left = screenX(view);
            double top = screenY(view);
            int width = view.width();
            int height = view.height();
            // Columns grow with x, so the picture covers one run of the row [firstX, endX): no test per pixel.
            int[] columns = new int[width];
            int firstX = width;
            int endX = 0;
            for (int x = 0; x < width; x++) {
                int column = (int) Math.floor((x + 0.5 - left) / scale);
                if (column >= 0 && column < this.width) {
                    columns[x] = column;
                    firstX = Math.min(firstX, x);
                    endX = x + 1;
                }
            }
            int previousRow = -1;
            for (int y = 0; y < height; y++) {
                int row = (int) Math.floor((y + 0.5 - top) / scale);
                int to = y * width;
                if (row < 0 || row >= this.height || firstX >= endX) {
                    java.util.Arrays.fill(target, to, to + width, 0);
                    previousRow = -1;
                    continue;
                }
                if (row == previousRow) {
                    // Zooming in, neighbouring screen rows show the same picture row: copy the one just drawn.
                    System.arraycopy(target, to - width, target, to, width);
                    continue;
                }
                previousRow = row;
                java.util.Arrays.fill(target, to, to + firstX, 0);
                java.util.Arrays.fill(target, to + endX, to + width, 0);
                int from = row * this.width;
                for (int x = firstX; x < endX; x++) {
                    target[to + x] = picture[from + columns[x]];
                }
            }
        }
    }

    private ZoomPicture() {
    }

    /** The sea of the offline basemap: where neither a basemap tile nor a coarser one is at hand. */
    static final int SEA = org.khareetaty.map.BasemapPainter.SEA.getRGB();
    /** How many levels up a coarser basemap tile may stand in for a missing one. */
    private static final int STAND_IN_LEVELS = 4;

    /**
     * Composes the picture from tile pixels (premultiplied ARGB, 256 x 256, null when absent): the basemap tile, then
     * the overlay tile over it. A missing basemap tile (a zoom right after a pan into new ground) is stood in for by the
     * matching part of a coarser tile, enlarged, or else by the sea, as Gluon's own covering tiles would.
     */
    static int[] compose(Placement at, Function<String, int[]> basemap, Function<String, int[]> overlay) {
        int size = WebMercator.TILE_SIZE;
        int[] picture = new int[at.width() * at.height()];
        long n = 1L << at.z();
        long firstX = Math.floorDiv(at.left(), size);
        long lastX = Math.floorDiv(at.left() + at.width() - 1, size);
        long firstY = Math.max(0, Math.floorDiv(at.top(), size));
        long lastY = Math.min(n - 1, Math.floorDiv(at.top() + at.height() - 1, size));
        for (long ty = firstY; ty <= lastY; ty++) {
            for (long tx = firstX; tx <= lastX; tx++) {
                long x = Math.floorMod(tx, n);
                String key = at.z() + "/" + x + "/" + ty;
                int[] base = basemap.apply(key);
                int up = 0;
                while (base == null && up < STAND_IN_LEVELS && at.z() - up > 0) {
                    up++;
                    base = basemap.apply((at.z() - up) + "/" + (x >> up) + "/" + (ty >> up));
                }
                // Where this tile's pixels lie in the (coarser) source tile.
                int offsetX = base == null ? 0 : (int) ((x - ((x >> up) << up)) * size) >> up;
                int offsetY = base == null ? 0 : (int) ((ty - ((ty >> up) << up)) * size) >> up;
                int[] over = overlay.apply(key);
                // The part of this tile inside the picture.
                int fromX = (int) Math.max(0, at.left() - tx * size);
                int toX = (int) Math.min(size, at.left() + at.width() - tx * size);
                int fromY = (int) Math.max(0, at.top() - ty * size);
                int toY = (int) Math.min(size, at.top() + at.height() - ty * size);
                for (int y = fromY; y < toY; y++) {
                    int row = (int) ((ty * size + y - at.top()) * at.width() + (tx * size - at.left()));
                    int sourceRow = (offsetY + (y >> up)) * size;
                    for (int px = fromX; px < toX; px++) {
                        int pixel = base == null ? SEA : base[sourceRow + offsetX + (px >> up)] | 0xFF000000;
                        picture[row + px] = over == null ? pixel : over(over[y * size + px], pixel);
                    }
                }
            }
        }
        return picture;
    }

    /** Source-over of a premultiplied ARGB pixel onto an opaque one. */
    static int over(int top, int bottom) {
        int alpha = top >>> 24;
        if (alpha == 0) {
            return bottom;
        }
        if (alpha == 255) {
            return top;
        }
        int inverse = 255 - alpha;
        int r = ((top >> 16) & 0xFF) + (((bottom >> 16) & 0xFF) * inverse + 127) / 255;
        int g = ((top >> 8) & 0xFF) + (((bottom >> 8) & 0xFF) * inverse + 127) / 255;
        int b = (top & 0xFF) + ((bottom & 0xFF) * inverse + 127) / 255;
        return 0xFF000000 | (Math.min(255, r) << 16) | (Math.min(255, g) << 8) | Math.min(255, b);
    }

    /**
     * The premultiplied pixels of a tile image, or null when there is none. Tiles are premultiplied images over their
     * own arrays (ADR 0046), so this is a plain copy, not a conversion per pixel.
     */
    static int[] pixels(Image image) {
        if (image == null || image.getPixelReader() == null || image.getWidth() != WebMercator.TILE_SIZE
                || image.getHeight() != WebMercator.TILE_SIZE) {
            return null;
        }
        int size = WebMercator.TILE_SIZE;
        int[] pixels = new int[size * size];
        image.getPixelReader().getPixels(0, 0, size, size, PixelFormat.getIntArgbPreInstance(), pixels, 0, size);
        return pixels;
    }

}

package org.khareetaty.map;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.khareetaty.common.FileTrees;
import org.khareetaty.common.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tiles drawn on this machine from the bundled basemap and the imported boundaries; never fails. With a
 * cache folder, every tile drawn is kept as deflated pixels under {@code <cache>/basemap/<key>/z/x/y.argb}, where
 * the key names what the tiles were drawn from ({@link BasemapPainter#REVISION} and the imported boundaries), so the
 * next time the map opens its tiles are read, not drawn, and the bundled basemap is not even loaded (ADR 0042).
 * Reading a kept tile is one inflate into the array the map shows (ADR 0046).
 */
public final class LocalTileSource implements TileSource {

    private static final Logger LOG = LoggerFactory.getLogger(LocalTileSource.class);

    private final Supplier<BasemapPainter> painter;
    private final TileFolder cache;
    private BasemapPainter loaded;

    /** Draws every tile, keeps none. */
    public LocalTileSource(BasemapPainter painter) {
        this.painter = () -> painter;
        this.cache = null;
    }

    private LocalTileSource(Supplier<BasemapPainter> painter, TileFolder cache) {
        this.painter = painter;
        this.cache = cache;
    }

    /**
     * Tiles of these boundaries over the bundled basemap (made by {@code painter} on the first tile not in the
     * cache), kept under {@code cacheRoot/basemap}; folders kept for other boundaries or an older style are removed.
     */
    public static LocalTileSource cached(List<MapArea> boundaries, Supplier<BasemapPainter> painter, Path cacheRoot) {
        Path root = cacheRoot.resolve("basemap");
        TileFolder folder = new TileFolder(root.resolve(cacheKey(boundaries)), "argb");
        removeOtherFolders(root, folder.folder());
        return new LocalTileSource(painter, folder);
    }

    /** What the tiles are drawn from: the painter's revision and every imported boundary's identity and shape. */
    static String cacheKey(List<MapArea> boundaries) {
        StringBuilder text = new StringBuilder(BasemapPainter.REVISION);
        boundaries.stream().sorted(Comparator.comparing(MapArea::id)).forEach(area -> text.append('|').append(area.id())
                .append(',').append(area.kind()).append(',').append(area.shape().contentHash()));
        return TileFolder.hash(text.toString());
    }

    private static void removeOtherFolders(Path root, Path keep) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path stale : folders.filter(p -> !p.equals(keep)).toList()) {
                FileTrees.delete(stale);
            }
        } catch (IOException e) {
            LOG.debug("Cannot remove old basemap tiles under {}", root, e);
        }
    }

    /** The painter (loads the bundled basemap when it is first needed). */
    public synchronized BasemapPainter painter() {
        if (loaded == null) {
            loaded = painter.get();
        }
        return loaded;
    }

    @Override
    public Optional<BufferedImage> tile(int z, long x, long y) {
        return Optional.of(image(pixels(z, x, y)));
    }

    /**
     * The tile's pixels (256 x 256, ARGB premultiplied, opaque), read from the cache or drawn (and then kept). The
     * array is the caller's: nothing else holds it.
     */
    public int[] pixels(int z, long x, long y) {
        if (cache != null) {
            Optional<int[]> kept = cache.readPixels(z, x, y, WebMercator.TILE_SIZE, WebMercator.TILE_SIZE);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        int[] drawn = draw(z, x, y);
        if (cache != null) {
            cache.storePixels(z, x, y, drawn);
        }
        return drawn;
    }

    /** True when the tile is kept in the cache (so {@link #pixels} reads it rather than drawing it). */
    public boolean isKept(int z, long x, long y) {
        return cache != null && Files.isRegularFile(cache.file(z, x, y));
    }

    private int[] draw(int z, long x, long y) {
        BufferedImage image = new BufferedImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE, BufferedImage.TYPE_INT_ARGB_PRE);
        drawInto(image, z, x, y);
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    private void drawInto(BufferedImage image, int z, long x, long y) {
        Graphics2D g = image.createGraphics();
        try {
            painter().paint(g, MapViewport.ofTile(z, x, y));
        } finally {
            g.dispose();
        }
    }

    /**
     * Draws and keeps the tiles of these ranges that are not kept yet, in order (ADR 0046), so later pans and zooms
     * read tiles instead of drawing them. Meant for the lowest priority: it stops as soon as {@code pause} says so (the
     * map is moving, or tiles are wanted on screen) and when the task is cancelled, and draws every tile into one reused
     * image with reused buffers. True when every tile of the ranges is kept (always true without a cache: nothing to
     * keep), false when it paused; asked again, it goes on where it stopped.
     */
    public boolean drawAhead(List<TileRange> ranges, BooleanSupplier pause, TaskContext context) {
        if (cache == null) {
            return true;
        }
        long total = ranges.stream().mapToLong(TileRange::count).sum();
        long looked = 0;
        BufferedImage image = null;
        int[] pixels = null;
        TileFolder.PixelWriter writer = null;
        try {
            for (TileRange range : ranges) {
                for (long y = range.minY(); y <= range.maxY(); y++) {
                    for (long x = range.minX(); x <= range.maxX(); x++) {
                        context.checkCancelled();
                        looked++;
                        if (isKept(range.z(), x, y)) {
                            continue;
                        }
                        if (pause.getAsBoolean()) {
                            return false;
                        }
                        if (image == null) {
                            image = new BufferedImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE, BufferedImage.TYPE_INT_ARGB_PRE);
                            pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                            writer = cache.pixelWriter(pixels.length);
                        }
                        drawInto(image, range.z(), x, y);
                        writer.store(range.z(), x, y, pixels);
                        context.progress(looked, total, "Basemap tiles drawn ahead");
                    }
                }
            }
            return true;
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
    }

    /** A Java2D image over tile pixels (for drawing tiles into snapshots). */
    static BufferedImage image(int[] pixels) {
        BufferedImage image = new BufferedImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE, BufferedImage.TYPE_INT_ARGB_PRE);
        System.arraycopy(pixels, 0, ((DataBufferInt) image.getRaster().getDataBuffer()).getData(), 0, pixels.length);
        return image;
    }

    @Override
    public String attribution() {
        return Basemap.ATTRIBUTION;
    }
}

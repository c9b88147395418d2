package org.khareetaty.map;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.khareetaty.common.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tiles drawn on this machine from the bundled basemap and the imported boundaries; never fails. With a
 * cache folder, every tile drawn is kept as PNG under {@code <cache>/basemap/<key>/z/x/y.png}, where the key
 * names what the tiles were drawn from ({@link BasemapPainter#REVISION} and the imported boundaries), so the
 * next time the map opens its tiles are read, not drawn, and the bundled basemap is not even loaded (ADR 0042).
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
        TileFolder folder = new TileFolder(root.resolve(cacheKey(boundaries)), "png");
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
        if (cache != null) {
            Optional<BufferedImage> kept = cache.read(z, x, y);
            if (kept.isPresent()) {
                return kept;
            }
        }
        BufferedImage drawn = MapSnapshotRenderer.render(MapViewport.ofTile(z, x, y), painter(), List.of(),
                WebMercator.TILE_SIZE, WebMercator.TILE_SIZE, MapSnapshotRenderer.Decorations.NONE);
        if (cache != null) {
            cache.storePng(z, x, y, drawn);
        }
        return Optional.of(drawn);
    }

    @Override
    public String attribution() {
        return Basemap.ATTRIBUTION;
    }
}

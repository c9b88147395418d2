package org.khareetaty.map;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/** Tiles drawn on this machine from the bundled basemap and the imported boundaries; never fails. */
public final class LocalTileSource implements TileSource {

    private final BasemapPainter painter;

    public LocalTileSource(BasemapPainter painter) {
        this.painter = painter;
    }

    public BasemapPainter painter() {
        return painter;
    }

    @Override
    public Optional<BufferedImage> tile(int z, long x, long y) {
        return Optional.of(MapSnapshotRenderer.render(MapViewport.ofTile(z, x, y), painter, List.of(),
                WebMercator.TILE_SIZE, WebMercator.TILE_SIZE, MapSnapshotRenderer.Decorations.NONE));
    }

    @Override
    public String attribution() {
        return Basemap.ATTRIBUTION;
    }
}

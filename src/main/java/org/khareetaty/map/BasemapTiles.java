package org.khareetaty.map;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * The basemap tiles the map shows: from the configured sources (MBTiles file, tile server) when they
 * have the tile, otherwise drawn locally, so a tile is always there.
 */
public final class BasemapTiles implements TileSource {

    private final List<TileSource> configured;
    private final LocalTileSource local;

    public BasemapTiles(List<TileSource> configured, LocalTileSource local) {
        this.configured = List.copyOf(configured);
        this.local = local;
    }

    public LocalTileSource local() {
        return local;
    }

    public boolean hasConfiguredSources() {
        return !configured.isEmpty();
    }

    @Override
    public Optional<BufferedImage> tile(int z, long x, long y) {
        for (TileSource source : configured) {
            Optional<BufferedImage> tile = source.tile(z, x, y);
            if (tile.isPresent()) {
                return tile;
            }
        }
        return local.tile(z, x, y);
    }

    /**
     * The tile's pixels (256 x 256, ARGB premultiplied; the caller's own array): from the first configured source
     * that has it, else from the local source (read from its cache or drawn). Never fails.
     */
    public int[] pixels(int z, long x, long y) {
        for (TileSource source : configured) {
            Optional<BufferedImage> tile = source.tile(z, x, y);
            if (tile.isPresent()) {
                return premultipliedPixels(tile.get());
            }
        }
        return local.pixels(z, x, y);
    }

    /** A served image as a 256-pixel tile's premultiplied ARGB pixels (scaled when a server sends another size). */
    static int[] premultipliedPixels(BufferedImage image) {
        BufferedImage argb = new BufferedImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE, BufferedImage.TYPE_INT_ARGB_PRE);
        java.awt.Graphics2D g = argb.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, WebMercator.TILE_SIZE, WebMercator.TILE_SIZE, null);
        } finally {
            g.dispose();
        }
        return ((java.awt.image.DataBufferInt) argb.getRaster().getDataBuffer()).getData();
    }

    /** The tile; never empty, because the local source always draws one. */
    public BufferedImage tileOrLocal(int z, long x, long y) {
        return tile(z, x, y).orElseThrow();
    }

    @Override
    public String attribution() {
        StringBuilder text = new StringBuilder();
        for (TileSource source : configured) {
            if (!source.attribution().isBlank()) {
                text.append(source.attribution()).append(" | ");
            }
        }
        return text.append(local.attribution()).toString();
    }

    /** A painter that draws these tiles, for snapshots with the configured basemap. */
    public LayerPainter asPainter() {
        return configured.isEmpty() ? local.painter() : new TiledPainter(this);
    }

    /** Draws tiles at the nearest integer zoom, scaled to the view's fractional zoom. */
    private static final class TiledPainter implements LayerPainter {
        private final BasemapTiles tiles;

        TiledPainter(BasemapTiles tiles) {
            this.tiles = tiles;
        }

        @Override
        public void paint(java.awt.Graphics2D g, MapViewport view) {
            int z = (int) Math.max(0, Math.min(19, Math.round(view.zoom())));
            double scale = view.worldSize() / WebMercator.worldSize(z);
            double tilePx = WebMercator.TILE_SIZE * scale;
            long n = 1L << z;
            long x0 = (long) Math.floor(view.originX() / tilePx);
            long y0 = Math.max(0, (long) Math.floor(view.originY() / tilePx));
            long x1 = (long) Math.floor((view.originX() + view.width()) / tilePx);
            long y1 = Math.min(n - 1, (long) Math.floor((view.originY() + view.height()) / tilePx));
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            for (long ty = y0; ty <= y1; ty++) {
                for (long tx = x0; tx <= x1; tx++) {
                    BufferedImage tile = tiles.tileOrLocal(z, Math.floorMod(tx, n), ty);
                    double sx = tx * tilePx - view.originX();
                    double sy = ty * tilePx - view.originY();
                    g.drawImage(tile, (int) Math.floor(sx), (int) Math.floor(sy),
                            (int) Math.ceil(sx + tilePx) - (int) Math.floor(sx), (int) Math.ceil(sy + tilePx) - (int) Math.floor(sy), null);
                }
            }
        }
    }
}

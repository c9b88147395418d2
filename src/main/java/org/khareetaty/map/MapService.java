package org.khareetaty.map;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
import org.khareetaty.security.SettingChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The map's core service: the bundled basemap (loaded once, on first use), the basemap tile sources
 * built from the settings, and the repository of drawable layers.
 */
public final class MapService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MapService.class);

    private final Settings settings;
    private final DataFolder folder;
    private final Clock clock;
    private final MapLayerRepository layers;
    private final SettingChanges settingChanges;
    private final AuditLog audit;
    private Basemap basemap;
    private BasemapTiles tiles;
    private List<MapArea> areas;
    private MbTilesSource mbTiles;

    public MapService(MapLayerRepository layers, Settings settings, SettingChanges settingChanges, AuditLog audit,
            DataFolder folder, Clock clock) {
        this.layers = layers;
        this.settingChanges = settingChanges;
        this.audit = audit;
        this.settings = settings;
        this.folder = folder;
        this.clock = clock;
    }

    /**
     * Checks and stores the basemap settings (an administrator's setting: the tile server learns which places are
     * looked at), audited once, then rebuilds the tile sources; nothing is stored when a value is wrong.
     */
    public BasemapTiles saveBasemapSettings(Principal actor, String url, String mbtiles, String credit) {
        SettingChanges.Change change = settingChanges.change(actor, Permission.CHANGE_SETTINGS, "basemap");
        String cleanUrl = url == null ? "" : url.strip();
        String cleanFile = mbtiles == null ? "" : mbtiles.strip();
        if (!cleanUrl.isEmpty()) {
            RemoteTileSource.validate(cleanUrl);
        }
        if (!cleanFile.isEmpty()) {
            MbTilesSource.open(Path.of(cleanFile), credit).close();
        }
        change.set(MapSettings.TILE_URL, cleanUrl)
                .set(MapSettings.MBTILES_FILE, cleanFile)
                .set(MapSettings.TILE_ATTRIBUTION, credit == null ? "" : credit.strip())
                .save();
        reloadTiles();
        return tiles();
    }

    /** Writes a map image made for a person (the map pane's "Save as PNG"): needs REPORT, audited once (EXPORT). */
    public void writeSnapshot(Principal actor, BufferedImage image, Path file, String description) {
        audit.audited(actor, Permission.REPORT, "EXPORT", file.toAbsolutePath().toString(), () -> {
            MapSnapshotRenderer.writePng(image, file);
            return file;
        }, written -> "map image " + image.getWidth() + "x" + image.getHeight() + " PNG (" + description + ")");
    }

    public MapLayerRepository layers() {
        return layers;
    }

    public synchronized Basemap basemap() {
        if (basemap == null) {
            long started = System.nanoTime();
            basemap = Basemap.loadBundled();
            LOG.info("Loaded the offline basemap in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        return basemap;
    }

    /** The basemap tiles as the settings say, drawn with the imported boundaries; built on first use. */
    public synchronized BasemapTiles tiles() {
        if (tiles == null) {
            areas = layers.areas();
            tiles = buildTiles(areas);
        }
        return tiles;
    }

    /** The imported areas the current tiles are drawn with (read once with them, not again for the map pane). */
    public synchronized List<MapArea> areas() {
        tiles();
        return areas;
    }

    /** Forgets the tile sources (after the settings or the imported areas changed); the next call builds them again. */
    public synchronized void reloadTiles() {
        closeMbTiles();
        tiles = null;
        areas = null;
    }

    /** Where the map was left in this data folder, if it was. */
    public Optional<MapPosition> lastView() {
        return MapPosition.parse(settings.get(MapSettings.LAST_VIEW));
    }

    /** Keeps where the map looks now, so it reopens there (a person's place in the map, not audited). */
    public void rememberView(MapPosition position) {
        settings.set(MapSettings.LAST_VIEW, position.format());
    }

    private BasemapTiles buildTiles(List<MapArea> areas) {
        List<GeoShape> boundaries = areas.stream().map(MapArea::shape).toList();
        LocalTileSource local = LocalTileSource.cached(areas, () -> new BasemapPainter(basemap(), boundaries), folder.cache());
        List<TileSource> configured = new ArrayList<>();
        String attribution = settings.get(MapSettings.TILE_ATTRIBUTION);
        String mbtilesFile = settings.get(MapSettings.MBTILES_FILE).strip();
        if (!mbtilesFile.isEmpty()) {
            try {
                mbTiles = MbTilesSource.open(Path.of(mbtilesFile), attribution);
                configured.add(mbTiles);
            } catch (IllegalArgumentException e) {
                LOG.warn("{}; using the offline basemap", e.getMessage());
            }
        }
        String url = settings.get(MapSettings.TILE_URL).strip();
        if (!url.isEmpty()) {
            try {
                configured.add(new RemoteTileSource(url, attribution, folder.cache(), clock));
            } catch (IllegalArgumentException e) {
                LOG.warn("{}; using the offline basemap", e.getMessage());
            }
        }
        return new BasemapTiles(configured, local);
    }

    private void closeMbTiles() {
        if (mbTiles != null) {
            mbTiles.close();
            mbTiles = null;
        }
    }

    @Override
    public synchronized void close() {
        closeMbTiles();
    }
}

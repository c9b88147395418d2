package org.khareetaty.map;

import java.util.List;
import org.khareetaty.common.settings.SettingKey;

/** Settings of the map: an optional online tile server or MBTiles file for the basemap. */
public final class MapSettings {

    /** XYZ tile URL template, e.g. https://tile.example.org/{z}/{x}/{y}.png; empty for the offline basemap only. */
    public static final SettingKey<String> TILE_URL = SettingKey.text("map.tiles.url", "", 500);
    /** Path of a raster MBTiles file; empty for none. Used before the tile server when both are set. */
    public static final SettingKey<String> MBTILES_FILE = SettingKey.text("map.tiles.mbtiles", "", 1000);
    /** Credit line of the configured tiles (e.g. "© OpenStreetMap contributors"). */
    public static final SettingKey<String> TILE_ATTRIBUTION = SettingKey.text("map.tiles.attribution", "", 300);

    /** Where the map was left ({@link MapPosition#format()}); the map reopens there. Kept by the map pane itself. */
    public static final SettingKey<String> LAST_VIEW = SettingKey.text("map.view.last", "", 100);

    /** The settings a person sets (the last view is kept by the pane). */
    public static final List<SettingKey<?>> KEYS = List.of(TILE_URL, MBTILES_FILE, TILE_ATTRIBUTION);

    private MapSettings() {
    }
}

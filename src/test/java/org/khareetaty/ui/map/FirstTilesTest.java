package org.khareetaty.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.TaskContext;
import org.khareetaty.map.Basemap;
import org.khareetaty.map.BasemapPainter;
import org.khareetaty.map.BasemapTiles;
import org.khareetaty.map.LocalTileSource;
import org.khareetaty.map.MapPosition;
import org.khareetaty.map.TileRange;

/** The basemap tiles read ahead for the first view: all that are kept, and drawn only round the centre. */
class FirstTilesTest {

    @TempDir
    Path folder;

    @Test
    void drawsOnlyTheCentreOfTheFirstViewButReadsAllOfItOnceKept() throws Exception {
        Basemap basemap = Basemap.loadBundled();
        LocalTileSource local = LocalTileSource.cached(List.of(), () -> new BasemapPainter(basemap, List.of()), folder);
        BasemapTiles tiles = new BasemapTiles(List.of(), local);
        MapPosition first = new MapPosition(-75.16, 39.95, 11.0);
        Map<String, Image> cold = MapViewModel.firstTiles(tiles, first, null);
        TileRange drawn = TileRange.around(cold.keySet());
        // 1100 x 800 pixels round the centre at level 11: 5-6 tiles across, 4-5 down.
        assertThat(drawn.maxX() - drawn.minX() + 1).isBetween(5L, 6L);
        assertThat(drawn.maxY() - drawn.minY() + 1).isBetween(4L, 5L);
        assertThat((long) cold.size()).isEqualTo(drawn.count());

        // With the whole guessed view (1600 x 1000) kept, every tile of it is read.
        local.drawAhead(List.of(new TileRange(11, drawn.minX() - 3, drawn.minY() - 3, drawn.maxX() + 3, drawn.maxY() + 3)),
                () -> false, TaskContext.NONE);
        Map<String, Image> warm = MapViewModel.firstTiles(tiles, first, null);
        assertThat(warm.keySet()).containsAll(cold.keySet());
        TileRange read = TileRange.around(warm.keySet());
        assertThat(read.maxX() - read.minX() + 1).isBetween(7L, 8L);
        assertThat(warm.size()).isGreaterThan(cold.size());
    }
}

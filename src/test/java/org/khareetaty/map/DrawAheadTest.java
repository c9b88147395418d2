package org.khareetaty.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.CancelledException;
import org.khareetaty.common.TaskContext;

/** Basemap tiles drawn ahead round the first view: what, in which order, and only while the map rests. */
class DrawAheadTest {

    private static Basemap basemap;
    @TempDir
    Path folder;

    @BeforeAll
    static void load() {
        basemap = Basemap.loadBundled();
    }

    @Test
    void planCoversAPanAroundTheFirstViewThenTheFinerLevelsWithinACap() {
        List<String> firstView = new ArrayList<>();
        for (long x = 596; x <= 600; x++) {
            for (long y = 775; y <= 777; y++) {
                firstView.add("11/" + x + "/" + y);
            }
        }
        TileRange first = TileRange.around(firstView);
        assertThat(first).isEqualTo(new TileRange(11, 596, 775, 600, 777));
        List<TileRange> plan = first.drawAheadPlan();
        // Half a view round it at its own level (5 x 3 tiles grown by 3 and 2 each side), then the same ground finer.
        assertThat(plan.get(0)).isEqualTo(new TileRange(11, 593, 773, 603, 779));
        assertThat(plan.get(1)).isEqualTo(new TileRange(12, 1192, 1550, 1201, 1555));
        assertThat(plan.get(2)).isEqualTo(new TileRange(13, 2384, 3100, 2403, 3111));
        assertThat(plan.get(3).z()).isEqualTo(10);
        assertThat(plan.stream().mapToLong(TileRange::count).sum()).isLessThanOrEqualTo(TileRange.DRAW_AHEAD_MAX);
        // A large first view: the finest level would pass the cap and is left out.
        TileRange large = new TileRange(14, 1000, 1000, 1019, 1014);
        assertThat(large.drawAheadPlan()).extracting(TileRange::z).doesNotContain(16);
        assertThat(large.drawAheadPlan().stream().mapToLong(TileRange::count).sum()).isLessThanOrEqualTo(TileRange.DRAW_AHEAD_MAX);
    }

    @Test
    void drawsTheTilesNotKeptYetOnlyWhileTheMapRestsAndStopsWhenCancelled() {
        LocalTileSource tiles = LocalTileSource.cached(List.of(), () -> new BasemapPainter(basemap, List.of()), folder);
        TileRange range = new TileRange(11, 596, 775, 598, 776);   // Philadelphia, 3 x 2 tiles
        int[] shown = tiles.pixels(11, 597, 775);                    // one already kept, as the map showed it
        // The map moves: it stops before drawing anything, and says it is not done.
        AtomicInteger asked = new AtomicInteger();
        assertThat(tiles.drawAhead(List.of(range), () -> asked.incrementAndGet() > 0, TaskContext.NONE)).isFalse();
        assertThat(asked.get()).isEqualTo(1);
        assertThat(tiles.isKept(11, 596, 775)).isFalse();
        // It rests after two more tiles: those are kept, and asked again it goes on where it stopped.
        AtomicInteger looks = new AtomicInteger();
        assertThat(tiles.drawAhead(List.of(range), () -> looks.incrementAndGet() > 2, TaskContext.NONE)).isFalse();
        assertThat(tiles.isKept(11, 596, 775)).isTrue();
        assertThat(tiles.isKept(11, 598, 775)).isTrue();
        assertThat(tiles.isKept(11, 596, 776)).isFalse();
        assertThat(tiles.drawAhead(List.of(range), () -> false, TaskContext.NONE)).isTrue();
        for (long x = 596; x <= 598; x++) {
            for (long y = 775; y <= 776; y++) {
                assertThat(tiles.isKept(11, x, y)).isTrue();
            }
        }
        // Drawn ahead = what the map would draw itself (reused image, reused buffers).
        LocalTileSource fresh = new LocalTileSource(new BasemapPainter(basemap, List.of()));
        assertThat(tiles.pixels(11, 598, 776)).isEqualTo(fresh.pixels(11, 598, 776));
        assertThat(tiles.pixels(11, 597, 775)).isEqualTo(shown);
        // Cancelled: stops before drawing anything more.
        TaskContext cancelled = new TaskContext() {
            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> tiles.drawAhead(List.of(new TileRange(12, 1192, 1550, 1193, 1551)), () -> false, cancelled))
                .isInstanceOf(CancelledException.class);
        assertThat(tiles.isKept(12, 1192, 1550)).isFalse();
        assertThat(Files.exists(folder.resolve("basemap"))).isTrue();
    }
}

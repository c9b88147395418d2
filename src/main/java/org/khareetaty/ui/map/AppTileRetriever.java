package org.khareetaty.ui.map;

import com.gluonhq.maps.tile.TileRetriever;
import com.gluonhq.maps.tile.TileRetrieverProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import org.khareetaty.map.BasemapTiles;
import org.khareetaty.map.TileQueue;
import org.khareetaty.map.TileRange;

/**
 * The basemap tiles of Gluon Maps, served by the application instead of Gluon's downloader (registered
 * in META-INF/services, so Gluon's default retriever, which logs an exception per tile when offline,
 * is never created). Gluon keeps one retriever for the whole process (ADR 0041); the map pane hands
 * it the current tile sources with {@link #serve}. Tiles are drawn on the application's background
 * executor through a {@link TileQueue}.
 */
public final class AppTileRetriever implements TileRetriever {

    private record Feed(BasemapTiles tiles, TileQueue<String> queue) {
    }

    /** How many served tiles are remembered for the zoom picture (about two screens). */
    private static final int RECENT_TILES = 96;

    private volatile Feed feed;
    /** Which serving the drawing ahead belongs to: a new serving stops the old one's. */
    private final java.util.concurrent.atomic.AtomicLong aheadGeneration = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong servedAtOnce = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, Image> recent = new LinkedHashMap<>(128, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > RECENT_TILES;
        }
    };

    /** The retriever Gluon uses in this process. */
    static AppTileRetriever installed() {
        TileRetriever retriever = TileRetrieverProvider.getInstance().load();
        if (retriever instanceof AppTileRetriever app) {
            return app;
        }
        throw new IllegalStateException("Gluon Maps uses " + retriever.getClass().getName()
                + " instead of the application's tile retriever; META-INF/services is missing from the class path");
    }

    /**
     * Serves tiles from these sources from now on (after the settings or the imported areas changed); {@code ready}
     * are tiles of them read ahead ({@code "z/x/y"}), handed to Gluon at once when it asks.
     */
    void serve(BasemapTiles tiles, TileQueue<String> queue, Map<String, Image> ready) {
        feed = new Feed(tiles, queue);
        synchronized (recent) {
            recent.clear();
            recent.putAll(ready);
        }
        drawAhead(tiles, queue, ready.keySet());
    }

    /**
     * Draws the locally drawn tiles round the first view ahead, below the UI's priority and only while the map rests
     * (ADR 0046), so later pans and zooms read tiles instead of drawing them: a short task that stops when the map moves
     * and is asked again a little later (no worker is held meanwhile). Tiles of the sources served before are no longer
     * drawn. Not with a configured tile server or MBTiles file: their tiles are not drawn locally.
     */
    private void drawAhead(BasemapTiles tiles, TileQueue<String> queue, java.util.Set<String> firstView) {
        long generation = aheadGeneration.incrementAndGet();
        TileRange first = TileRange.around(firstView);
        if (first == null || tiles.hasConfiguredSources()) {
            return;
        }
        // Not before the first picture is complete: its own work (and the compiler's) comes first.
        drawAheadLater(tiles, queue, first.drawAheadPlan(), generation, DRAW_AHEAD_START);
    }

    private void drawAheadLater(BasemapTiles tiles, TileQueue<String> queue, java.util.List<TileRange> plan, long generation,
            java.time.Duration delay) {
        queue.later("Draw basemap tiles ahead", delay, context -> {
            java.util.function.BooleanSupplier pause = () -> queue.busyForScreen() || aheadGeneration.get() != generation;
            if (!pause.getAsBoolean() && tiles.local().drawAhead(plan, pause, context)) {
                return null;
            }
            if (aheadGeneration.get() == generation) {
                drawAheadLater(tiles, queue, plan, generation, DRAW_AHEAD_PAUSE);
            }
            return null;
        });
    }

    /** How long after the tiles are served drawing ahead starts. */
    private static final java.time.Duration DRAW_AHEAD_START = java.time.Duration.ofSeconds(3);
    /** How long drawing ahead waits before it looks again whether the map rests. */
    private static final java.time.Duration DRAW_AHEAD_PAUSE = java.time.Duration.ofMillis(500);

    /**
     * Starts drawing the tiles of a view Gluon's map has just been made at: Gluon asks for them only when it is next
     * laid out, a pulse or more later (on a cold start, 0.3 s of the first paint). Asked again, they are served from
     * memory or join the same queued work. Tiles already in memory are left alone (they are not served to anyone yet).
     */
    void prefetch(TileRange range) {
        for (long y = range.minY(); y <= range.maxY(); y++) {
            for (long x = range.minX(); x <= range.maxX(); x++) {
                if (recent(range.z() + "/" + x + "/" + y) == null) {
                    loadTile(range.z(), x, y);
                }
            }
        }
    }

    /** A tile served lately ({@code "z/x/y"}), or null. */
    Image recent(String key) {
        synchronized (recent) {
            return recent.get(key);
        }
    }

    /** How many tiles were handed to Gluon at once, from memory (for the benchmark and tests). */
    long servedAtOnce() {
        return servedAtOnce.get();
    }

    boolean isServing() {
        return feed != null;
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        Feed current = feed;
        if (current == null) {
            // The pane has not been set up yet: a plain tile now, the real one once the map is shown again.
            return CompletableFuture.completedFuture(new WritableImage(256, 256));
        }
        String key = zoom + "/" + i + "/" + j;
        Image ready = recent(key);
        if (ready != null) {
            // Read ahead, or served lately: Gluon shows a completed tile in the same frame.
            servedAtOnce.incrementAndGet();
            return CompletableFuture.completedFuture(ready);
        }
        return current.queue().request(key, () -> (Image) FxImages.ofTilePixels(current.tiles().pixels(zoom, i, j)))
                .thenApply(image -> {
                    synchronized (recent) {
                        recent.put(key, image);
                    }
                    return image;
                });
    }
}

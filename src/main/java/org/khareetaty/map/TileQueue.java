package org.khareetaty.map;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.khareetaty.common.BackgroundTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tile requests waiting to be drawn, newest first (the user looks at what was asked last), worked off by
 * background tasks on the application's executor (one at a time, or a few). Equal keys share one piece of work;
 * requests that are no longer on screen can be dropped before they are drawn.
 */
public final class TileQueue<K> {

    private static final Logger LOG = LoggerFactory.getLogger(TileQueue.class);

    private record Pending<T>(Supplier<T> work, CompletableFuture<T> result) {
    }

    /**
     * How long one task draws tiles before it makes way for other waiting work: the map's two queues share the
     * interactive lanes, and a task draining the overlay's first 40 tiles on a cold start kept the basemap tiles the
     * screen waited for queued behind it for up to a second.
     */
    static final long SLICE_NANOS = 25_000_000L;

    private final BackgroundTasks tasks;
    private final String title;
    private final int workers;
    private final Deque<Object> order = new ArrayDeque<>();
    private final Map<Object, Pending<?>> pending = new HashMap<>();
    private int draining;
    private long completed;
    /** While held, no new piece of work starts (the one being drawn finishes); requests wait, newest first. */
    private boolean held;
    /** How many tasks may work at once now (at most {@code workers}): fewer while frames are being made. */
    private int limit;

    public TileQueue(BackgroundTasks tasks, String title) {
        this(tasks, title, 1);
    }

    /** Worked off by up to {@code workers} tasks at once (tiles are independent; the first view fills faster). */
    public TileQueue(BackgroundTasks tasks, String title, int workers) {
        this.tasks = tasks;
        this.title = title;
        this.workers = workers;
        this.limit = workers;
    }

    /** Queues work for a key; asking again for a key still waiting returns the same future. */
    @SuppressWarnings("unchecked")
    public synchronized <T> CompletableFuture<T> request(K key, Supplier<T> work) {
        Pending<?> existing = pending.get(key);
        if (existing != null) {
            order.remove(key);
            order.addFirst(key);
            return (CompletableFuture<T>) existing.result();
        }
        Pending<T> item = new Pending<>(work, new CompletableFuture<>());
        pending.put(key, item);
        order.addFirst(key);
        if (!held && draining < limit) {
            startWorker();
        }
        return item.result();
    }

    private void startWorker() {
        draining++;
        // Tiles are what a person is looking at: drawn ahead of other queued background work.
        tasks.submit(title, BackgroundTasks.Priority.INTERACTIVE, context -> {
            drain();
            return null;
        });
    }

    /**
     * Holds the queue while a gesture shows a stand-in picture (ADR 0045): tiles of the levels a zoom passes through
     * are not drawn while frames are being made; the requests still wanted are drawn, newest first, on {@link #release}.
     */
    public synchronized void hold() {
        held = true;
    }

    public synchronized void release() {
        held = false;
        startIdleWorkers();
    }

    /**
     * At most {@code tasks} (and never more than the queue was made with) work at once from now on: while a pan's
     * frames are being made one tile is drawn at a time, so the frames keep a core; at rest, all of them.
     */
    public synchronized void limitWorkers(int tasks) {
        limit = Math.max(1, Math.min(workers, tasks));
        startIdleWorkers();
    }

    private void startIdleWorkers() {
        int idle = held ? 0 : Math.min(limit - draining, order.size());
        for (int i = 0; i < idle; i++) {
            startWorker();
        }
    }

    /** Drops waiting requests whose key fails the test; their futures are cancelled. */
    @SuppressWarnings("unchecked")
    public synchronized void retainOnly(Predicate<K> keep) {
        order.removeIf(key -> {
            if (keep.test((K) key)) {
                return false;
            }
            pending.remove(key).result().cancel(false);
            return true;
        });
    }

    /**
     * True while frames are being made (the queue is held for a zoom or limited for a pan) or tiles wait to be drawn
     * for the screen: work meant for later should wait then.
     */
    public synchronized boolean busyForScreen() {
        return held || limit < workers || !order.isEmpty() || draining > 0;
    }

    /**
     * Runs work for later (drawing ahead) on the same executor below the UI's priority (a general worker: nice 10 on
     * the desktop, ADR 0045), after {@code delay}.
     */
    public void later(String laterTitle, java.time.Duration delay, BackgroundTasks.Work<?> work) {
        try {
            tasks.submitLater(laterTitle, delay, work);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.debug("Not queued: {} (the application is closing)", laterTitle);
        }
    }

    public synchronized int waiting() {
        return order.size();
    }

    /** How many requests have been worked off so far. */
    public synchronized long completed() {
        return completed;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void drain() {
        long started = System.nanoTime();
        while (true) {
            Pending item;
            synchronized (this) {
                Object key = held || draining > limit ? null : order.peekFirst();
                if (key == null) {
                    draining--;
                    return;
                }
                if (System.nanoTime() - started > SLICE_NANOS) {
                    // Makes way: a new task queues behind the work already waiting (the other tile queue's tiles).
                    draining--;
                    startWorker();
                    return;
                }
                order.pollFirst();
                item = pending.remove(key);
            }
            try {
                Object value = item.work().get();
                synchronized (this) {
                    completed++;
                }
                item.result().complete(value);
            } catch (RuntimeException e) {
                LOG.warn("Cannot draw a map tile", e);
                item.result().completeExceptionally(e);
            }
        }
    }
}

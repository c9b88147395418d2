package org.khareetaty.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.khareetaty.common.BackgroundTasks;

/** Tile requests: shared by key, newest first, and with several workers drawn at the same time. */
class TileQueueTest {

    @Test
    void twoWorkersDrawTwoTilesAtTheSameTime() throws Exception {
        try (BackgroundTasks tasks = new BackgroundTasks(2)) {
            TileQueue<String> queue = new TileQueue<>(tasks, "Draw basemap tiles", 2);
            CountDownLatch bothStarted = new CountDownLatch(2);
            CompletableFuture<Boolean> a = queue.request("12/1205/1539", () -> awaitOther(bothStarted));
            CompletableFuture<Boolean> b = queue.request("12/1206/1539", () -> awaitOther(bothStarted));
            assertThat(a.get(20, TimeUnit.SECONDS)).as("drawn while the other tile was drawn").isTrue();
            assertThat(b.get(20, TimeUnit.SECONDS)).isTrue();
            assertThat(queue.completed()).isEqualTo(2);
        }
    }

    @Test
    void oneWorkerDrawsTheNewestRequestFirstAndSharesEqualKeys() throws Exception {
        try (BackgroundTasks tasks = new BackgroundTasks(1)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch busy = new CountDownLatch(1);
            tasks.submit("occupies the worker", context -> {
                busy.countDown();
                return release.await(10, TimeUnit.SECONDS);
            });
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            TileQueue<String> queue = new TileQueue<>(tasks, "Draw map layers");
            StringBuilder order = new StringBuilder();
            CompletableFuture<String> first = queue.request("a", () -> record(order, "a"));
            queue.request("b", () -> record(order, "b"));
            assertThat(queue.request("a", () -> record(order, "never"))).isSameAs(first);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertThat(order.toString()).isEqualTo("ab");
        }
    }

    @Test
    void aHeldQueueDrawsNothingUntilReleasedThenTheNewestRequestFirst() throws Exception {
        try (BackgroundTasks tasks = new BackgroundTasks(2)) {
            TileQueue<String> queue = new TileQueue<>(tasks, "Draw basemap tiles", 2);
            StringBuilder order = new StringBuilder();
            queue.hold();
            CompletableFuture<String> passedThrough = queue.request("13/2410/3078", () -> record(order, "passed "));
            CompletableFuture<String> resting = queue.request("15/9641/12313", () -> record(order, "resting "));
            Thread.sleep(300);
            assertThat(order.toString()).as("nothing drawn during the gesture").isEmpty();
            assertThat(queue.waiting()).isEqualTo(2);
            queue.retainOnly(key -> key.startsWith("15/"));
            queue.release();
            assertThat(resting.get(10, TimeUnit.SECONDS)).isEqualTo("resting ");
            assertThat(passedThrough).isCancelled();
            assertThat(order.toString()).isEqualTo("resting ");
            assertThat(queue.completed()).isEqualTo(1);
        }
    }

    @Test
    void limitedToOneWorkerTilesAreDrawnOneAtATimeAndBothWorkAgainOnceTheLimitIsLifted() throws Exception {
        try (BackgroundTasks tasks = new BackgroundTasks(2)) {
            TileQueue<String> queue = new TileQueue<>(tasks, "Draw map layers", 2);
            queue.limitWorkers(1);
            java.util.concurrent.atomic.AtomicInteger atOnce = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
            List<CompletableFuture<Integer>> drawn = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                drawn.add(queue.request("12/" + i + "/0", () -> {
                    most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                    sleep(50);
                    return atOnce.decrementAndGet();
                }));
            }
            CompletableFuture.allOf(drawn.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            assertThat(most.get()).isEqualTo(1);
            CountDownLatch bothStarted = new CountDownLatch(2);
            queue.limitWorkers(Integer.MAX_VALUE);
            CompletableFuture<Boolean> a = queue.request("12/9/0", () -> awaitOther(bothStarted));
            CompletableFuture<Boolean> b = queue.request("12/9/1", () -> awaitOther(bothStarted));
            assertThat(a.get(20, TimeUnit.SECONDS) && b.get(20, TimeUnit.SECONDS)).as("two at once again").isTrue();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitOther(CountDownLatch bothStarted) {
        bothStarted.countDown();
        try {
            return bothStarted.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static synchronized String record(StringBuilder order, String key) {
        order.append(key);
        return key;
    }

    @Test
    void aQueueWithManyTilesMakesWayForAnotherQueuesTileAfterItsTimeSlice() throws Exception {
        try (BackgroundTasks tasks = new BackgroundTasks(1)) {
            TileQueue<String> overlay = new TileQueue<>(tasks, "Draw map layers");
            TileQueue<String> basemap = new TileQueue<>(tasks, "Draw basemap tiles");
            java.util.List<String> done = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            CountDownLatch firstStarted = new CountDownLatch(1);
            long tileMillis = TileQueue.SLICE_NANOS / 1_000_000 / 2;
            java.util.List<CompletableFuture<String>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String key = "overlay " + i;
                all.add(overlay.request(key, () -> {
                    firstStarted.countDown();
                    sleep(tileMillis);
                    done.add(key);
                    return key;
                }));
            }
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<String> base = basemap.request("12/1205/1539", () -> {
                done.add("basemap");
                return "basemap";
            });
            base.get(20, TimeUnit.SECONDS);
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            assertThat(done).hasSize(13);
            assertThat(done.indexOf("basemap")).as("drawn between the overlay's tiles, not after all twelve: " + done)
                    .isLessThan(6);
        }
    }
}

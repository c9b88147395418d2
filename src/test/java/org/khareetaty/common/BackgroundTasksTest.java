package org.khareetaty.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one background executor: short work a person waits to see never waits behind longer work. */
class BackgroundTasksTest {

    @Test
    void interactiveWorkRunsOnItsLaneWhileEveryWorkerIsBusyWithLongerWork() throws Exception {
        try (BackgroundTasks tasks = new BackgroundTasks(2)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch busy = new CountDownLatch(2);
            for (String title : List.of("evaluate alert rules", "count incidents")) {
                tasks.submit(title, context -> {
                    busy.countDown();
                    return release.await(20, TimeUnit.SECONDS);
                });
            }
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            var normal = tasks.submit("read sync status", context -> "read");
            var tile = tasks.submit("draw a tile", BackgroundTasks.Priority.INTERACTIVE, context -> "drawn");
            assertThat(tile.result().get(10, TimeUnit.SECONDS)).isEqualTo("drawn");
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("background-interactive"));
            // The lane takes no other work: the normal task still waits for a worker.
            Thread.sleep(200);
            assertThat(normal.result().isDone()).isFalse();
            release.countDown();
            assertThat(normal.result().get(10, TimeUnit.SECONDS)).isEqualTo("read");
        }
    }

    @Test
    void interactiveWorkOvertakesQueuedWorkAndEqualPrioritiesKeepTheirOrder() throws Exception {
        try (BackgroundTasks tasks = new BackgroundTasks(1)) {
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            tasks.submit("occupies the worker", context -> {
                busy.countDown();
                return release.await(10, TimeUnit.SECONDS);
            });
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            List<String> ran = new CopyOnWriteArrayList<>();
            tasks.submit("alerts", context -> ran.add("alerts"));
            tasks.submit("charts", context -> ran.add("charts"));
            tasks.submit("first tiles", BackgroundTasks.Priority.INTERACTIVE, context -> ran.add("first tiles"));
            tasks.submit("more tiles", BackgroundTasks.Priority.INTERACTIVE, context -> ran.add("more tiles"));
            var last = tasks.submit("counts", context -> ran.add("counts"));
            release.countDown();
            last.result().get(10, TimeUnit.SECONDS);
            assertThat(ran).containsExactly("first tiles", "more tiles", "alerts", "charts", "counts");
        }
    }

    @Test
    void aTaskSubmittedAfterCloseEndsCancelledInsteadOfThrowing() {
        BackgroundTasks tasks = new BackgroundTasks(2);
        tasks.close();
        var late = tasks.submit("late tile", BackgroundTasks.Priority.INTERACTIVE, context -> "drawn");
        assertThat(late.state()).isEqualTo(BackgroundTasks.RunningTask.State.CANCELLED);
        assertThat(late.result()).isCompletedExceptionally();
        assertThat(tasks.running()).isEmpty();
    }

    @Test
    void belowAUserInterfaceTheGeneralWorkersRunAtALowerPriorityAndTheInteractiveLaneDoesNot() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ThreadNiceness.currentNice().isPresent(),
                "the thread's nice value is only visible on Linux");
        try (BackgroundTasks tasks = new BackgroundTasks(2)) {
            assertThat(tasks.submit("before", context -> ThreadNiceness.currentNice().getAsInt()).result().get(10, TimeUnit.SECONDS))
                    .isEqualTo(ThreadNiceness.currentNice().getAsInt());
            tasks.yieldToForeground();
            // The general workers are idle, yet interactive work now goes to the lanes, which keep their priority.
            tasks.submit("lowers a worker", context -> null).result().get(10, TimeUnit.SECONDS);
            assertThat(tasks.submit("tile", BackgroundTasks.Priority.INTERACTIVE, context -> Thread.currentThread().getName())
                    .result().get(10, TimeUnit.SECONDS)).startsWith("background-interactive");
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch busy = new CountDownLatch(2);
            List<Integer> general = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 2; i++) {
                tasks.submit("long query", context -> {
                    general.add(ThreadNiceness.currentNice().getAsInt());
                    busy.countDown();
                    return release.await(20, TimeUnit.SECONDS);
                });
            }
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            int lane = tasks.submit("tile", BackgroundTasks.Priority.INTERACTIVE,
                    context -> ThreadNiceness.currentNice().getAsInt()).result().get(10, TimeUnit.SECONDS);
            release.countDown();
            int base = ThreadNiceness.currentNice().getAsInt();
            // renice sets the value (util-linux) or adds to it (POSIX); from nice 0 both give BACKGROUND_NICE.
            assertThat(general).hasSize(2).allMatch(nice -> nice > base || base == 19);
            if (base == 0) {
                assertThat(general).containsOnly(BackgroundTasks.BACKGROUND_NICE);
            }
            assertThat(lane).isEqualTo(base);
        }
    }
}

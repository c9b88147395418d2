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
}

package org.khareetaty.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one background executor: work a person waits to see goes ahead of queued work. */
class BackgroundTasksTest {

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
            var last = tasks.submit("more tiles", BackgroundTasks.Priority.INTERACTIVE, context -> ran.add("more tiles"));
            var lastNormal = tasks.submit("counts", context -> ran.add("counts"));
            release.countDown();
            lastNormal.result().get(10, TimeUnit.SECONDS);
            assertThat(last.result().isDone()).isTrue();
            assertThat(ran).containsExactly("first tiles", "more tiles", "alerts", "charts", "counts");
        }
    }

    @Test
    void aTaskSubmittedAfterCloseEndsCancelledInsteadOfThrowing() {
        BackgroundTasks tasks = new BackgroundTasks(1);
        tasks.close();
        var late = tasks.submit("late tile", BackgroundTasks.Priority.INTERACTIVE, context -> "drawn");
        assertThat(late.state()).isEqualTo(BackgroundTasks.RunningTask.State.CANCELLED);
        assertThat(late.result()).isCompletedExceptionally();
        assertThat(tasks.running()).isEmpty();
    }
}

package org.khareetaty.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.khareetaty.common.BackgroundTasks;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar's task list: short tasks never appear, long ones do with their progress, ended ones go. */
class FxTaskListTest {

    private final AtomicLong now = new AtomicLong();
    private BackgroundTasks tasks;
    private FxTaskList list;
    private final List<String> everShown = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() throws Exception {
        tasks = new BackgroundTasks(2);
        list = new FxTaskList(tasks, now::get);
        WaitForAsyncUtils.asyncFx(() -> list.items().addListener((ListChangeListener<FxTaskList.Item>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(item -> everShown.add(item.title()));
            }
        })).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private void syncAt(long nanos) throws Exception {
        now.set(nanos);
        WaitForAsyncUtils.asyncFx(list::sync).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTaskThatEndsWithinTheDelayIsNeverShown() throws Exception {
        tasks.submit("Draw map layers", context -> 1).result().get(10, TimeUnit.SECONDS);
        syncAt(FxTaskList.SHOW_AFTER_NANOS * 3);
        assertThat(list.items()).isEmpty();
        assertThat(everShown).isEmpty();
    }

    @Test
    void aLongTaskIsShownAfterTheDelayWithItsProgressAndGoesWhenItEnds() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var running = tasks.submit("Import 10 files", context -> {
            context.progress(3, 10, "incidents_2018.csv.gz");
            reported.countDown();
            release.await();
            return 1;
        });
        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
        syncAt(FxTaskList.SHOW_AFTER_NANOS - 1);
        assertThat(list.items()).as("not yet: it has run for less than the delay").isEmpty();

        syncAt(FxTaskList.SHOW_AFTER_NANOS);
        assertThat(list.items()).extracting(FxTaskList.Item::title).containsExactly("Import 10 files");
        FxTaskList.Item item = list.items().get(0);
        assertThat(item.progressProperty().get()).isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(item.messageProperty().get()).isEqualTo("incidents_2018.csv.gz");

        release.countDown();
        running.result().get(10, TimeUnit.SECONDS);
        syncAt(FxTaskList.SHOW_AFTER_NANOS * 2);
        assertThat(list.items()).isEmpty();
        assertThat(everShown).containsExactly("Import 10 files");
    }
}

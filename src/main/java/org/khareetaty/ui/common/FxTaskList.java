package org.khareetaty.ui.common;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.BackgroundTasks.RunningTask;

/**
 * The UI adapter of {@link BackgroundTasks}: mirrors the tasks that run longer than a moment into an observable
 * list on the FX thread, following them a few times a second (not once per change). The only place where task
 * progress crosses into JavaFX.
 */
public final class FxTaskList implements BackgroundTasks.Observer {

    /** A running task as the status bar shows it. */
    public static final class Item {
        private final RunningTask<?> task;
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

        Item(RunningTask<?> task) {
            this.task = task;
        }

        public String title() {
            return task.title();
        }

        public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        public javafx.beans.property.ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        public void cancel() {
            task.cancel();
        }

        void refresh() {
            progress.set(task.fraction());
            message.set(task.message());
        }
    }

    /**
     * Tasks that end sooner never appear: the map alone runs dozens of tile tasks a second while it moves, and a chip
     * made and styled for each of them cost the UI thread part of every frame.
     */
    static final long SHOW_AFTER_NANOS = 400_000_000L;
    /** How often the list follows the tasks (and their progress) while any is running. */
    private static final Duration SYNC_EVERY = Duration.millis(200);

    /** A task not yet ended and when it was first seen (any thread). */
    private record Live(RunningTask<?> task, long since) {
    }

    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final Map<Long, Item> shown = new HashMap<>();
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final AtomicBoolean syncScheduled = new AtomicBoolean();
    private final LongSupplier clock;

    public FxTaskList(BackgroundTasks tasks) {
        this(tasks, System::nanoTime);
    }

    FxTaskList(BackgroundTasks tasks, LongSupplier clock) {
        this.clock = clock;
        tasks.addObserver(this);
    }

    /** The tasks shown, on the FX thread. */
    public ObservableList<Item> items() {
        return items;
    }

    @Override
    public void changed(RunningTask<?> task) {
        if (ended(task)) {
            live.remove(task.id());
        } else {
            live.putIfAbsent(task.id(), new Live(task, clock.getAsLong()));
        }
        scheduleSync();
    }

    private static boolean ended(RunningTask<?> task) {
        return switch (task.state()) {
            case SUCCEEDED, FAILED, CANCELLED -> true;
            default -> false;
        };
    }

    /** One pass of {@link #sync} a moment from now, however many tasks changed meanwhile (never one per change). */
    private void scheduleSync() {
        if (syncScheduled.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                PauseTransition wait = new PauseTransition(SYNC_EVERY);
                wait.setOnFinished(e -> sync());
                wait.play();
            });
        }
    }

    /**
     * On the FX thread: drops the tasks that ended, shows those running for {@link #SHOW_AFTER_NANOS} or more and
     * refreshes their progress; keeps following while any task is alive.
     */
    void sync() {
        syncScheduled.set(false);
        live.values().removeIf(entry -> ended(entry.task()));
        shown.entrySet().removeIf(entry -> {
            if (live.containsKey(entry.getKey())) {
                return false;
            }
            items.remove(entry.getValue());
            return true;
        });
        long now = clock.getAsLong();
        for (Live entry : live.values()) {
            Item item = shown.get(entry.task().id());
            if (item == null && now - entry.since() >= SHOW_AFTER_NANOS) {
                item = new Item(entry.task());
                shown.put(entry.task().id(), item);
                items.add(item);
            }
            if (item != null) {
                item.refresh();
            }
        }
        if (!live.isEmpty()) {
            scheduleSync();
        }
    }
}

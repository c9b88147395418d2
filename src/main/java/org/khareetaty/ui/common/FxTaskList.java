package org.khareetaty.ui.common;

import java.util.HashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.BackgroundTasks.RunningTask;

/**
 * The UI adapter of {@link BackgroundTasks}: mirrors running tasks into an observable list on the FX
 * thread. The only place where task progress crosses into JavaFX.
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

    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final Map<Long, Item> byId = new HashMap<>();

    public FxTaskList(BackgroundTasks tasks) {
        tasks.addObserver(this);
    }

    public ObservableList<Item> items() {
        return items;
    }

    @Override
    public void changed(RunningTask<?> task) {
        Platform.runLater(() -> apply(task));
    }

    private void apply(RunningTask<?> task) {
        boolean finished = switch (task.state()) {
            case SUCCEEDED, FAILED, CANCELLED -> true;
            default -> false;
        };
        Item item = byId.get(task.id());
        if (finished) {
            if (item != null) {
                byId.remove(task.id());
                items.remove(item);
            }
            return;
        }
        if (item == null) {
            item = new Item(task);
            byId.put(task.id(), item);
            items.add(item);
        }
        item.refresh();
    }
}

package org.khareetaty.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.CancelledException;

/**
 * Runs core work on the shared {@link BackgroundTasks} and delivers the outcome on the FX thread.
 * View models use it so that they never block the UI thread and never call Platform themselves.
 */
public final class FxExecutor {

    private final BackgroundTasks tasks;
    private final Consumer<Runnable> uiThread;

    public FxExecutor(BackgroundTasks tasks) {
        this(tasks, Platform::runLater);
    }

    /** For view-model tests: deliver results on the calling thread. */
    public FxExecutor(BackgroundTasks tasks, Consumer<Runnable> uiThread) {
        this.tasks = tasks;
        this.uiThread = uiThread;
    }

    /** The view is moving (see {@link BackgroundTasks#foregroundMoving()}). */
    public void foregroundMoving() {
        tasks.foregroundMoving();
    }

    public <T> BackgroundTasks.RunningTask<T> run(String title, BackgroundTasks.Work<T> work,
            Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return run(title, BackgroundTasks.Priority.NORMAL, work, onSuccess, onFailure);
    }

    /** As {@link #run(String, BackgroundTasks.Work, Consumer, Consumer)}, ahead of queued work of a lower priority. */
    public <T> BackgroundTasks.RunningTask<T> run(String title, BackgroundTasks.Priority priority, BackgroundTasks.Work<T> work,
            Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        BackgroundTasks.RunningTask<T> task = tasks.submit(title, priority, work);
        CompletableFuture<T> result = task.result();
        result.whenComplete((value, error) -> uiThread.accept(() -> {
            if (error == null) {
                onSuccess.accept(value);
            } else {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (!(cause instanceof CancelledException)) {
                    onFailure.accept(cause);
                }
            }
        }));
        return task;
    }
}

package org.khareetaty.common;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one executor for all background work of the application. Every task gets a {@link TaskContext}
 * for progress and cancel; observers (such as the status bar's adapter) hear about every change.
 * Failures are logged here once, so callers only decide what to show the user.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    /** Work that runs on a background thread and may report progress. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskContext context) throws Exception;
    }

    /**
     * How soon a task runs when the workers are busy. A person waiting to see something (the map's first view and
     * the tiles on screen) goes ahead of queued work; tasks of the same priority run in the order submitted.
     */
    public enum Priority { INTERACTIVE, NORMAL }

    /** Hears about started, progressing and finished tasks, on the worker thread that caused the change. */
    public interface Observer {
        void changed(RunningTask<?> task);
    }

    /** A queued task: ordered by priority, then by when it was submitted. */
    private record Queued(Priority priority, long sequence, Runnable work) implements Runnable, Comparable<Queued> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Queued other) {
            int byPriority = priority.compareTo(other.priority);
            return byPriority != 0 ? byPriority : Long.compare(sequence, other.sequence);
        }
    }

    private final ThreadPoolExecutor executor;
    /** Only wakes up timers; the work itself always runs on {@link #executor}. */
    private final java.util.concurrent.ScheduledExecutorService timer;
    private final List<Observer> observers = new CopyOnWriteArrayList<>();
    private final Map<Long, RunningTask<?>> running = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public BackgroundTasks(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(), factory);
        // Every task goes through the queue (no thread is started for a task directly), so the order holds.
        executor.prestartAllCoreThreads();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "background-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Submits {@code work} after {@code delay}; the returned handle cancels the pending submission. */
    public java.util.concurrent.ScheduledFuture<?> submitLater(String title, java.time.Duration delay, Work<?> work) {
        return timer.schedule(() -> submit(title, work), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Sized for a workstation: leave one core to the UI where there are several. */
    public static BackgroundTasks forWorkstation() {
        return new BackgroundTasks(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    public void addObserver(Observer observer) {
        observers.add(observer);
    }

    public void removeObserver(Observer observer) {
        observers.remove(observer);
    }

    public List<RunningTask<?>> running() {
        return List.copyOf(running.values());
    }

    public <T> RunningTask<T> submit(String title, Work<T> work) {
        return submit(title, Priority.NORMAL, work);
    }

    public <T> RunningTask<T> submit(String title, Priority priority, Work<T> work) {
        RunningTask<T> task = new RunningTask<>(ids.incrementAndGet(), title, this::notifyObservers);
        running.put(task.id(), task);
        notifyObservers(task);
        try {
            executor.execute(new Queued(priority, task.id(), () -> execute(task, work)));
        } catch (RejectedExecutionException e) {
            // Submitted while the application closes: the task ends as cancelled, not with an exception in the caller.
            running.remove(task.id());
            task.fail(new CancelledException());
            notifyObservers(task);
        }
        return task;
    }

    private <T> void execute(RunningTask<T> task, Work<T> work) {
        long started = System.nanoTime();
        task.markStarted();
        try {
            if (task.isCancelled()) {
                throw new CancelledException();
            }
            T result = work.run(task);
            task.complete(result);
        } catch (CancelledException e) {
            LOG.info("Task '{}' cancelled", task.title());
            task.fail(e);
        } catch (Exception | Error e) {
            LOG.error("Task '{}' failed", task.title(), e);
            task.fail(e);
        } finally {
            running.remove(task.id());
            notifyObservers(task);
            LOG.debug("Task '{}' waited {} ms, ran {} ms", task.title(), (started - task.submittedNanos) / 1_000_000,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void notifyObservers(RunningTask<?> task) {
        for (Observer observer : observers) {
            try {
                observer.changed(task);
            } catch (RuntimeException e) {
                LOG.warn("Task observer failed", e);
            }
        }
    }

    @Override
    public void close() {
        running.values().forEach(RunningTask::cancel);
        timer.shutdownNow();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    /** A submitted task: its state, progress and result. Thread-safe. */
    public static final class RunningTask<T> implements TaskContext {
        /** Lifecycle of a task. */
        public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }

        private final long id;
        private final String title;
        private final java.util.function.Consumer<RunningTask<?>> onChange;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private volatile State state = State.QUEUED;
        private volatile boolean cancelRequested;
        private volatile long done;
        private volatile long total;
        private volatile String message = "";
        private volatile long lastNotifiedNanos;
        private final long submittedNanos = System.nanoTime();

        RunningTask(long id, String title, java.util.function.Consumer<RunningTask<?>> onChange) {
            this.id = id;
            this.title = title;
            this.onChange = onChange;
        }

        public long id() {
            return id;
        }

        public String title() {
            return title;
        }

        public State state() {
            return state;
        }

        /** Fraction done in [0, 1], or -1 while the amount of work is unknown. */
        public double fraction() {
            long t = total;
            return t <= 0 ? -1 : Math.min(1.0, (double) done / t);
        }

        public String message() {
            return message;
        }

        public CompletableFuture<T> result() {
            return result;
        }

        public void cancel() {
            cancelRequested = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelRequested;
        }

        @Override
        public void progress(long done, long total, String message) {
            this.done = done;
            this.total = total;
            if (message != null) {
                this.message = message;
            }
            // Throttle: tight loops may report millions of times; observers need ~20 updates a second.
            long now = System.nanoTime();
            if (now - lastNotifiedNanos > 50_000_000L) {
                lastNotifiedNanos = now;
                onChange.accept(this);
            }
        }

        void markStarted() {
            state = State.RUNNING;
            onChange.accept(this);
        }

        void complete(T value) {
            state = State.SUCCEEDED;
            result.complete(value);
        }

        void fail(Throwable error) {
            state = error instanceof CancelledException ? State.CANCELLED : State.FAILED;
            result.completeExceptionally(error);
        }
    }
}

package org.khareetaty.common;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
     * How soon a task runs. {@code INTERACTIVE} is short work a person is looking at now (the map's tiles on screen,
     * the map's opening read): it goes ahead of queued work and, when every worker is busy with longer work, runs on
     * an interactive lane, a worker kept for it alone. {@code NORMAL} is everything else, in the order submitted.
     */
    public enum Priority { INTERACTIVE, NORMAL }

    /** Hears about started, progressing and finished tasks, on the worker thread that caused the change. */
    public interface Observer {
        void changed(RunningTask<?> task);
    }

    /** Queued tasks; guarded by itself. */
    private final java.util.ArrayDeque<Runnable> interactive = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Runnable> normal = new java.util.ArrayDeque<>();
    private boolean closed;
    private final List<Thread> workers = new java.util.ArrayList<>();
    /** The nice value the general workers take before their next task (0: the system's default); see below. */
    private volatile int generalWorkersNice;
    /** Set once the just-in-time compiler has been asked to leave the CPU to a moving user interface. */
    private final java.util.concurrent.atomic.AtomicBoolean compilerLowered = new java.util.concurrent.atomic.AtomicBoolean();
    /** Only wakes up timers; the work itself always runs on the workers. */
    private final java.util.concurrent.ScheduledExecutorService timer;
    private final List<Observer> observers = new CopyOnWriteArrayList<>();
    private final Map<Long, RunningTask<?>> running = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * {@code threads} workers for all work and, with more than one, as many interactive lanes (a single worker, as
     * tests use, runs everything one after another in priority order).
     */
    public BackgroundTasks(int threads) {
        for (int i = 1; i <= threads; i++) {
            workers.add(worker("background-" + i, false));
        }
        if (threads > 1) {
            // As many lanes as workers: below a user interface the (lowered) workers leave interactive work to them.
            workers.add(worker("background-interactive", true));
            for (int i = 2; i <= threads; i++) {
                workers.add(worker("background-interactive-" + i, true));
            }
        }
        workers.forEach(Thread::start);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "background-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    private Thread worker(String name, boolean interactiveOnly) {
        Thread thread = new Thread(() -> {
            Runnable next;
            int nice = 0;
            while ((next = take(interactiveOnly)) != null) {
                int wanted = interactiveOnly ? 0 : generalWorkersNice;
                if (wanted > nice) {
                    ThreadNiceness.lowerCurrentThread(wanted);
                    nice = wanted;
                }
                next.run();
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The next task for a worker; waits for one; null once closed and nothing is left. */
    private Runnable take(boolean interactiveOnly) {
        synchronized (interactive) {
            while (true) {
                // A worker whose priority was lowered leaves interactive work to the lanes (a raised nice value cannot
                // be lowered again without privileges), unless there are none.
                boolean takesInteractive = interactiveOnly || generalWorkersNice == 0 || workers.size() == 1;
                Runnable next = takesInteractive ? interactive.poll() : null;
                if (next == null && !interactiveOnly) {
                    next = normal.poll();
                }
                if (next != null) {
                    return next;
                }
                if (closed) {
                    return null;
                }
                try {
                    interactive.wait();
                } catch (InterruptedException e) {
                    return null;
                }
            }
        }
    }

    /** Submits {@code work} after {@code delay}; the returned handle cancels the pending submission. */
    public java.util.concurrent.ScheduledFuture<?> submitLater(String title, java.time.Duration delay, Work<?> work) {
        return timer.schedule(() -> submit(title, work), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /**
     * Lets the threads of a user interface go first (ADR 0045): from their next task on, the general workers run at a
     * lower operating-system priority, so long work (an incidents query, alert evaluation) takes the CPU only when the
     * UI's threads leave it; when the UI is idle it gets every core as before. Interactive work then runs only on the
     * interactive lanes, which keep their priority: it is what the person is looking at. Called by the desktop
     * application, not by the CLI.
     */
    public void yieldToForeground() {
        generalWorkersNice = BACKGROUND_NICE;
    }

    /**
     * The user interface has started to move (a map pan or zoom): below a user interface, the just-in-time compiler's
     * threads now take the CPU only when its frames leave it, as the general workers do (ADR 0045). For the first half
     * minute after start the compiler kept about one of two cores busy, and each frame waited for it. Until something
     * moves it keeps its priority, so the application starts as fast as before. Once per process, and only after
     * {@link #yieldToForeground()}: a raised nice value cannot be lowered again without privileges.
     */
    public void foregroundMoving() {
        if (generalWorkersNice > 0 && compilerLowered.compareAndSet(false, true)) {
            submit("Let the frames go before the compiler", Priority.NORMAL,
                    context -> ThreadNiceness.lowerCompilerThreads(generalWorkersNice));
        }
    }

    /** The nice value of the general workers below a user interface: about a tenth of a UI thread's CPU share. */
    static final int BACKGROUND_NICE = 10;

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
        synchronized (interactive) {
            if (!closed) {
                (priority == Priority.INTERACTIVE ? interactive : normal).add(() -> execute(task, work));
                interactive.notifyAll();
                return task;
            }
        }
        // Submitted while the application closes: the task ends as cancelled, not with an exception in the caller.
        running.remove(task.id());
        task.fail(new CancelledException());
        notifyObservers(task);
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

    /** Cancels running and queued tasks (queued ones end at once as cancelled) and waits up to 10 s for the workers. */
    @Override
    public void close() {
        running.values().forEach(RunningTask::cancel);
        timer.shutdownNow();
        synchronized (interactive) {
            closed = true;
            interactive.notifyAll();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            for (Thread worker : workers) {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
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

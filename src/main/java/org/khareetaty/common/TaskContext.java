package org.khareetaty.common;

/**
 * How core code reports progress and learns it should stop. Implementations are supplied by
 * {@link BackgroundTasks} (or {@link #NONE} for callers that do not care); core code never sees a UI.
 */
public interface TaskContext {

    /** A context that ignores progress and is never cancelled, for tests and one-shot CLI calls. */
    TaskContext NONE = new TaskContext() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports {@code done} of {@code total} units; {@code total <= 0} means the amount is unknown. */
    void progress(long done, long total, String message);

    boolean isCancelled();

    /** Throws {@link CancelledException} when cancel was requested; call it at safe points in loops. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}

package org.khareetaty;

import java.util.function.BooleanSupplier;

/** Waits for work delivered by background tasks, in tests that drive view models without a UI thread. */
public final class Await {

    private Await() {
    }

    /** Returns once the condition holds; fails after 60 s. */
    public static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 60 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package org.khareetaty.alerts;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of min(cap, base * 2^(n-1)),
 * so retries of many messages after an outage spread out instead of arriving together.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final Random random;

    public Backoff(Duration base, Duration cap, Random random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < base <= cap");
        }
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15), new Random());
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration delay(int attempts) {
        int exponent = Math.max(0, Math.min(attempts - 1, 30));
        long ceiling = Math.min(cap.toMillis(), base.toMillis() * (1L << exponent));
        long half = ceiling / 2;
        long jitter;
        synchronized (random) {
            jitter = half == 0 ? 0 : (long) (random.nextDouble() * (ceiling - half));
        }
        return Duration.ofMillis(half + jitter);
    }
}

package org.khareetaty.ingest;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A zone's UTC offset at an instant, remembered per stretch between two transitions, so that the rows of a
 * file (a few dozen DST stretches over ten years) need no {@link Instant} each. One instance per thread.
 */
final class ZoneOffsetCache {

    private static final int STRETCHES = 64;
    private final ZoneRules rules;
    private final long[] from = new long[STRETCHES];
    private final long[] until = new long[STRETCHES];
    private final int[] offset = new int[STRETCHES];
    private int size;
    private int last;

    ZoneOffsetCache(ZoneRules rules) {
        this.rules = rules;
    }

    /** The offset in seconds that {@code rules.getOffset(Instant.ofEpochSecond(epochSecond))} gives. */
    int offsetSeconds(long epochSecond) {
        if (epochSecond >= from[last] && epochSecond < until[last] && size > 0) {
            return offset[last];
        }
        for (int i = 0; i < size; i++) {
            if (epochSecond >= from[i] && epochSecond < until[i]) {
                last = i;
                return offset[i];
            }
        }
        return remember(epochSecond);
    }

    private int remember(long epochSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        int seconds = rules.getOffset(instant).getTotalSeconds();
        if (epochSecond == Long.MAX_VALUE) {
            return seconds;
        }
        // The latest transition at or before this second, and the first one after it.
        ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochSecond(epochSecond + 1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        if (size == STRETCHES) {
            size = 0;
        }
        from[size] = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        until[size] = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        offset[size] = seconds;
        last = size++;
        return seconds;
    }
}

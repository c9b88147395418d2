package org.khareetaty.ingest;

/** An open-addressing set of longs (key hashes): 16 bytes per entry instead of a boxed HashSet's ~60. */
final class LongHashSet {

    private static final long EMPTY = 0;
    private long[] slots;
    private int size;
    private boolean containsZero;

    LongHashSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity];
    }

    /** Adds the value; false when it was already there. */
    boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !containsZero;
            containsZero = true;
            return added;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) (mix(value) & mask);
        while (slots[i] != EMPTY) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = value;
        size++;
        return true;
    }

    int size() {
        return size + (containsZero ? 1 : 0);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        int mask = slots.length - 1;
        for (long value : old) {
            if (value != EMPTY) {
                int i = (int) (mix(value) & mask);
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = value;
                size++;
            }
        }
    }

    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}

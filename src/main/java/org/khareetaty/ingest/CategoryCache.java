package org.khareetaty.ingest;

import java.util.Arrays;

/**
 * The category of a row by the exact bytes of its field: a source has a few dozen distinct category texts,
 * so each is decoded, stripped and mapped once instead of once per row. Bounded; one instance per parser.
 */
final class CategoryCache {

    /** The stripped source text (null when blank) and its standard code. */
    record Entry(String text, String code) {
    }

    private static final int SLOTS = 1024;
    private static final int MAX_ENTRIES = SLOTS / 2;
    private final byte[][] keys = new byte[SLOTS][];
    private final Entry[] entries = new Entry[SLOTS];
    private int size;

    /** The entry for this field's bytes, or null when not seen yet. */
    Entry get(SourceRow row, int column) {
        byte[] text = row.text();
        int start = row.start(column);
        int end = row.end(column);
        int slot = hash(text, start, end) & (SLOTS - 1);
        while (keys[slot] != null) {
            if (Arrays.equals(keys[slot], 0, keys[slot].length, text, start, end)) {
                return entries[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return null;
    }

    /** Remembers (while there is room) and returns the entry for this field's bytes. */
    Entry put(SourceRow row, int column, String text, String code) {
        Entry entry = new Entry(text, code);
        if (size >= MAX_ENTRIES) {
            return entry;
        }
        byte[] bytes = row.text();
        int start = row.start(column);
        int end = row.end(column);
        int slot = hash(bytes, start, end) & (SLOTS - 1);
        while (keys[slot] != null) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        keys[slot] = Arrays.copyOfRange(bytes, start, end);
        entries[slot] = entry;
        size++;
        return entry;
    }

    private static int hash(byte[] text, int start, int end) {
        int h = 0x811c9dc5;
        for (int i = start; i < end; i++) {
            h = (h ^ text[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}

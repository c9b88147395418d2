package org.khareetaty.ui.incidents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.collections.ObservableListBase;
import org.khareetaty.store.IncidentRow;

/**
 * A list as long as the query result whose rows are fetched block by block when the table asks for them.
 * Rows not loaded yet read as {@code null}; when their block arrives they are replaced in place, so the
 * table stays instant however many millions of rows the filter matches.
 */
final class LazyIncidentList extends ObservableListBase<IncidentRow> {

    static final int BLOCK = 250;
    private static final int MAX_CACHED_BLOCKS = 64;

    /** Asks for a block (by block index) to be loaded; the loader later calls {@link #blockLoaded}. */
    private final BiConsumer<Long, Integer> loader;
    private final Map<Long, List<IncidentRow>> blocks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<IncidentRow>> eldest) {
            return size() > MAX_CACHED_BLOCKS;
        }
    };
    private final java.util.Set<Long> requested = new java.util.HashSet<>();
    private int size;
    private int generation;

    LazyIncidentList(BiConsumer<Long, Integer> loader) {
        this.loader = loader;
    }

    int generation() {
        return generation;
    }

    /** Starts over with a new result size (after a filter or sort change). */
    void reset(long newSize) {
        generation++;
        blocks.clear();
        requested.clear();
        int oldSize = size;
        size = (int) Math.min(Integer.MAX_VALUE, newSize);
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, java.util.Collections.nCopies(oldSize, (IncidentRow) null));
        }
        if (size > 0) {
            nextAdd(0, size);
        }
        endChange();
    }

    @Override
    public IncidentRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        long block = index / BLOCK;
        List<IncidentRow> rows = blocks.get(block);
        if (rows == null) {
            if (requested.add(block)) {
                loader.accept(block, generation);
            }
            return null;
        }
        int offset = index % BLOCK;
        return offset < rows.size() ? rows.get(offset) : null;
    }

    void blockLoaded(long block, int forGeneration, List<IncidentRow> rows) {
        if (forGeneration != generation) {
            return;
        }
        requested.remove(block);
        blocks.put(block, rows);
        int start = (int) (block * BLOCK);
        int end = Math.min(size, start + rows.size());
        if (start >= end) {
            return;
        }
        beginChange();
        for (int i = start; i < end; i++) {
            nextSet(i, null);
        }
        endChange();
    }

    void blockFailed(long block, int forGeneration) {
        if (forGeneration == generation) {
            requested.remove(block);
        }
    }

    boolean isLoaded(int index) {
        return blocks.containsKey((long) index / BLOCK);
    }

    @Override
    public int size() {
        return size;
    }
}

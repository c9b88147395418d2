package org.khareetaty.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Up to {@link #CAPACITY} accepted rows of one file in columns (plus the rows quarantined meanwhile),
 * handed from a parsing thread to the writer. Columns avoid an object per row on the hot path.
 */
final class IncidentChunk {

    static final int CAPACITY = 4096;
    private static final int INDEX_BITS = 13;

    final int fileIndex;
    int size;
    long rowsRead;
    final String[] sourceKey = new String[CAPACITY];
    final long[] sourceHash = new long[CAPACITY];
    final long[] line = new long[CAPACITY];
    final long[] epochSecond = new long[CAPACITY];
    final TimeParser.Flag[] timeFlag = new TimeParser.Flag[CAPACITY];
    final int[] epochDay = new int[CAPACITY];
    final byte[] hour = new byte[CAPACITY];
    final byte[] dow = new byte[CAPACITY];
    final String[] category = new String[CAPACITY];
    final String[] categorySource = new String[CAPACITY];
    final String[] address = new String[CAPACITY];
    final double[] lon = new double[CAPACITY];
    final double[] lat = new double[CAPACITY];
    final int[][] area;
    final List<QuarantineEntry> quarantined = new ArrayList<>();

    IncidentChunk(int fileIndex, int areaKinds) {
        this.fileIndex = fileIndex;
        this.area = new int[areaKinds][CAPACITY];
    }

    boolean isFull() {
        return size == CAPACITY;
    }

    /**
     * The accepted rows' positions in time order. The writer stores rows in this order so that the time
     * and date indexes grow at a few hot pages instead of at random places (ADR 0011).
     */
    int[] timeOrder() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, epochSecond[i]);
        }
        // Accepted instants lie between 1900 and tomorrow, so the offset fits with the row index beside it.
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((epochSecond[i] - min) << INDEX_BITS) | i;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) (keys[i] & ((1 << INDEX_BITS) - 1));
        }
        return order;
    }

    boolean isEmpty() {
        return size == 0 && quarantined.isEmpty() && rowsRead == 0;
    }
}

package org.khareetaty.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Up to {@link #CAPACITY} accepted rows of one file in columns (plus the rows quarantined meanwhile),
 * handed from a parsing thread to the writer. Columns avoid an object per row on the hot path.
 */
final class IncidentChunk {

    static final int CAPACITY = 4096;
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
    /** Set by the writer: the row repeats a key already stored or seen earlier in the import. */
    final boolean[] duplicate = new boolean[CAPACITY];
    final List<QuarantineEntry> quarantined = new ArrayList<>();

    IncidentChunk(int fileIndex, int areaKinds) {
        this.fileIndex = fileIndex;
        this.area = new int[areaKinds][CAPACITY];
    }

    boolean isFull() {
        return size == CAPACITY;
    }

    boolean isEmpty() {
        return size == 0 && quarantined.isEmpty() && rowsRead == 0;
    }
}

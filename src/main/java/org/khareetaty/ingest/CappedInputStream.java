package org.khareetaty.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops a decompression bomb: fails once more than the allowed number of bytes have come out. */
final class CappedInputStream extends FilterInputStream {

    private final long limit;
    private final String fileName;
    private long count;

    CappedInputStream(InputStream in, long limit, String fileName) {
        super(in);
        this.limit = limit;
        this.fileName = fileName;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    private void add(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw new IOException(fileName + ": decompressed size exceeds the limit of " + limit + " bytes");
        }
    }
}

package org.khareetaty.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * A fast, forgiving reader of delimited text: RFC 4180 quoting, any mix of CRLF/LF/CR line ends, the
 * physical line where each record starts, and no unbounded memory. It works on the undecoded bytes of an
 * ASCII-compatible character set (UTF-8, Windows-1256, ISO 8859: delimiters, quotes and line ends are single
 * bytes that never occur inside a multi-byte character; {@link CsvSource} transcodes other sets to UTF-8
 * first). Fields are unescaped into one reused buffer and become Strings only when asked for, so a row
 * parser can read dates and numbers straight from the bytes.
 *
 * <p>Broken input is reported on the record, never thrown: a record longer than the cap is
 * {@link Problem#TOO_LONG}; a quote that is never closed (or that swallows following lines into a record
 * with the wrong number of fields) is {@link Problem#BAD_QUOTING} for its first line only, and reading goes
 * on from the next line, so one stray quote costs one row.
 */
final class CsvRecordReader implements AutoCloseable {

    /** What went wrong with a record, if anything. */
    enum Problem { NONE, TOO_LONG, BAD_QUOTING }

    private static final int BUFFER = 1 << 17;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long RETURNS = 0x0d0d0d0d0d0d0d0dL;
    private static final long QUOTES = 0x2222222222222222L;
    private static final int RAW_TEXT_LIMIT = 4000;

    private final InputStream in;
    private final Charset charset;
    private final byte delimiter;
    private final long delimiters;
    private final int maxRecordBytes;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;
    private int expectedFields = -1;

    // The record being read: unescaped field text, field boundaries, and its raw text across buffer refills.
    private byte[] text = new byte[1024];
    private int textLength;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int fields;
    private long recordLine;
    private int spannedLines;
    private Problem problem = Problem.NONE;
    private final ByteArrayOutputStream rawCarry = new ByteArrayOutputStream();
    private int rawStart;
    private String rawText;
    private final Record record = new Record();

    /**
     * @param charset an ASCII-compatible character set (see {@link #readsBytesOf(Charset)})
     * @param delimiter an ASCII character
     */
    CsvRecordReader(InputStream in, Charset charset, char delimiter, int maxRecordBytes) {
        if (delimiter > 0x7f) {
            throw new ImportException("The delimiter '" + delimiter + "' is not an ASCII character; use , ; | or tab");
        }
        this.in = in;
        this.charset = charset;
        this.delimiter = (byte) delimiter;
        this.delimiters = (delimiter & 0xffL) * 0x0101010101010101L;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Whether text in this character set can be split on its bytes: every byte below 0x80 is that ASCII
     * character and no multi-byte character contains such a byte.
     */
    static boolean readsBytesOf(Charset charset) {
        String name = charset.name();
        return name.equals("UTF-8") || name.equals("US-ASCII") || name.startsWith("ISO-8859-")
                || name.startsWith("windows-125");
    }

    /** Records whose field count differs from this (after a multi-line quoted field) count as bad quoting. */
    void expectFields(int count) {
        this.expectedFields = count;
    }

    Record record() {
        return record;
    }

    /** Reads the next record; false at the end of the input. Blank lines are skipped. */
    boolean next() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) {
                return false;
            }
            byte c = buf[pos];
            if (c == '\n') {
                pos++;
                line++;
                continue;
            }
            if (c == '\r') {
                pos++;
                if ((pos < limit || fill()) && buf[pos] == '\n') {
                    pos++;
                }
                line++;
                continue;
            }
            readRecord();
            return true;
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.readNBytes(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            limit = 0;
            pos = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** Keeps the raw bytes of the record so far before the buffer is overwritten. */
    private boolean refillInRecord() throws IOException {
        if (rawCarry.size() < RAW_TEXT_LIMIT * 4 && rawStart < limit) {
            rawCarry.write(buf, rawStart, limit - rawStart);
        }
        boolean more = fill();
        rawStart = 0;
        return more;
    }

    private void readRecord() throws IOException {
        textLength = 0;
        fields = 0;
        recordLine = line;
        spannedLines = 0;
        problem = Problem.NONE;
        rawCarry.reset();
        rawStart = pos;
        rawText = null;
        boolean tooLong = false;
        int fieldStart = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (pos >= limit && !refillInRecord()) {
                if (quoted) {
                    endField(fieldStart);
                    badQuotingAtEof();
                    return;
                }
                endField(fieldStart);
                break;
            }
            byte c = buf[pos++];
            if (quoted) {
                if (c == '"') {
                    if (pos >= limit && !refillInRecord()) {
                        quoted = false;
                        afterQuote = true;
                        continue;
                    }
                    if (buf[pos] == '"') {
                        pos++;
                        tooLong |= append(buf, pos - 1, 1);
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(pos < limit && buf[pos] == '\n'))) {
                        spannedLines++;
                    }
                    tooLong |= append(buf, pos - 1, 1);
                }
                continue;
            }
            if (c == delimiter) {
                endField(fieldStart);
                fieldStart = textLength;
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && (pos < limit || refillInRecord()) && buf[pos] == '\n') {
                    pos++;
                }
                endField(fieldStart);
                line += 1 + spannedLines;
                break;
            } else if (c == '"' && textLength == fieldStart && !afterQuote) {
                quoted = true;
            } else {
                // Most bytes are plain: copy the run up to the next delimiter, quote or line end at once.
                int end = endOfPlainRun(buf, pos, limit);
                tooLong |= append(buf, pos - 1, end - pos + 1);
                pos = end;
            }
        }
        if (tooLong) {
            problem = Problem.TOO_LONG;
        } else if (spannedLines > 0 && expectedFields > 0 && fields != expectedFields) {
            // A stray quote swallowed the next lines: blame the first line, read the rest again.
            rereadAfterFirstLine(rawBytesFull());
        }
    }

    /**
     * Where the run of plain bytes starting at {@code from} ends: the first delimiter, quote or line end, or
     * {@code max}. Looks at eight bytes at a time (a zero-byte test on the word XOR each special byte), then finds
     * the exact position in the word that holds one.
     */
    private int endOfPlainRun(byte[] b, int from, int max) {
        int end = from;
        while (end + Long.BYTES <= max) {
            long word = (long) WORDS.get(b, end);
            if ((hasByte(word, delimiters) | hasByte(word, NEWLINES) | hasByte(word, RETURNS) | hasByte(word, QUOTES)) != 0) {
                break;
            }
            end += Long.BYTES;
        }
        while (end < max) {
            byte d = b[end];
            if (d == delimiter || d == '\n' || d == '\r' || d == '"') {
                break;
            }
            end++;
        }
        return end;
    }

    /** Non-zero when some byte of {@code word} equals the byte repeated in {@code pattern}. */
    private static long hasByte(long word, long pattern) {
        long x = word ^ pattern;
        return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
    }

    private void badQuotingAtEof() {
        rereadAfterFirstLine(rawBytesFull());
    }

    private void rereadAfterFirstLine(byte[] raw) {
        int cut = firstLineBreak(raw);
        problem = Problem.BAD_QUOTING;
        rawText = new String(raw, 0, cut < 0 ? raw.length : cut, charset);
        if (cut >= 0) {
            int skip = raw[cut] == '\r' && cut + 1 < raw.length && raw[cut + 1] == '\n' ? 2 : 1;
            int rest = raw.length - cut - skip;
            int remaining = Math.max(0, limit - pos);
            byte[] joined = new byte[Math.max(BUFFER, rest + remaining)];
            System.arraycopy(raw, cut + skip, joined, 0, rest);
            System.arraycopy(buf, pos, joined, rest, remaining);
            buf = joined;
            pos = 0;
            limit = rest + remaining;
        }
        line = recordLine + 1;
        fields = 1;
        starts[0] = 0;
        ends[0] = 0;
    }

    private static int firstLineBreak(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' || raw[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** The record's raw bytes as they stood in the input, without the line end. */
    private byte[] rawBytesFull() {
        int end = Math.max(rawStart, Math.min(pos, limit));
        byte[] carried = rawCarry.toByteArray();
        byte[] raw = Arrays.copyOf(carried, carried.length + end - rawStart);
        System.arraycopy(buf, rawStart, raw, carried.length, end - rawStart);
        int length = raw.length;
        while (length > 0 && (raw[length - 1] == '\n' || raw[length - 1] == '\r')) {
            length--;
        }
        return length == raw.length ? raw : Arrays.copyOf(raw, length);
    }

    /** Appends a run of field text; true when the record went over the cap (the excess is dropped). */
    private boolean append(byte[] source, int from, int length) {
        int copied = Math.min(maxRecordBytes - textLength, length);
        if (textLength + copied > text.length) {
            text = Arrays.copyOf(text, Math.min(maxRecordBytes, Math.max(text.length * 2, textLength + copied)));
        }
        System.arraycopy(source, from, text, textLength, copied);
        textLength += copied;
        return copied < length;
    }

    private void endField(int fieldStart) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = fieldStart;
        ends[fields] = textLength;
        fields++;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The current record; valid until the next call to {@link #next()}. */
    final class Record {
        int fieldCount() {
            return fields;
        }

        long line() {
            return recordLine;
        }

        Problem problem() {
            return problem;
        }

        /** The unescaped bytes all fields point into. */
        byte[] text() {
            return text;
        }

        int start(int index) {
            return index < 0 || index >= fields ? 0 : starts[index];
        }

        int end(int index) {
            return index < 0 || index >= fields ? 0 : ends[index];
        }

        Charset charset() {
            return charset;
        }

        String field(int index) {
            if (index < 0 || index >= fields) {
                return "";
            }
            return new String(text, starts[index], ends[index] - starts[index], charset);
        }

        /** The record as it stood in the file (cut to a few thousand characters). */
        String rawText() {
            if (rawText == null) {
                rawText = new String(rawBytesFull(), charset);
            }
            return rawText.length() > RAW_TEXT_LIMIT ? rawText.substring(0, RAW_TEXT_LIMIT) : rawText;
        }
    }
}

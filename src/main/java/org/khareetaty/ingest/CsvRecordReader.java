package org.khareetaty.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A fast, forgiving reader of delimited text: RFC 4180 quoting, any mix of CRLF/LF/CR line ends, the
 * physical line where each record starts, and no unbounded memory. Fields are unescaped into one reused
 * buffer and become Strings only when asked for.
 *
 * <p>Broken input is reported on the record, never thrown: a record longer than the cap is
 * {@link Problem#TOO_LONG}; a quote that is never closed (or that swallows following lines into a record
 * with the wrong number of fields) is {@link Problem#BAD_QUOTING} for its first line only, and reading goes
 * on from the next line, so one stray quote costs one row.
 */
final class CsvRecordReader implements AutoCloseable {

    /** What went wrong with a record, if anything. */
    enum Problem { NONE, TOO_LONG, BAD_QUOTING }

    private static final int BUFFER = 1 << 16;
    private static final int RAW_TEXT_LIMIT = 4000;

    private final Reader in;
    private final char delimiter;
    private final int maxRecordChars;
    private char[] buf = new char[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;
    private int expectedFields = -1;

    // The record being read: unescaped field text, field boundaries, and its raw text across buffer refills.
    private char[] text = new char[1024];
    private int textLength;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int fields;
    private long recordLine;
    private int spannedLines;
    private Problem problem = Problem.NONE;
    private final StringBuilder rawCarry = new StringBuilder();
    private int rawStart;
    private String rawText;
    private final Record record = new Record();

    CsvRecordReader(Reader in, char delimiter, int maxRecordChars) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxRecordChars = maxRecordChars;
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
            char c = buf[pos];
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
        int n = in.read(buf, 0, buf.length);
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

    /** Keeps the raw chars of the record so far before the buffer is overwritten. */
    private boolean refillInRecord() throws IOException {
        if (rawCarry.length() < RAW_TEXT_LIMIT * 4 && rawStart < limit) {
            rawCarry.append(buf, rawStart, limit - rawStart);
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
        rawCarry.setLength(0);
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
            char c = buf[pos++];
            if (quoted) {
                if (c == '"') {
                    if (pos >= limit && !refillInRecord()) {
                        quoted = false;
                        afterQuote = true;
                        continue;
                    }
                    if (buf[pos] == '"') {
                        pos++;
                        tooLong |= append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(pos < limit && buf[pos] == '\n'))) {
                        spannedLines++;
                    }
                    tooLong |= append(c);
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
                // Most chars are plain: copy the run up to the next delimiter, quote or line end at once.
                int end = pos;
                while (end < limit) {
                    char d = buf[end];
                    if (d == delimiter || d == '\n' || d == '\r' || d == '"') {
                        break;
                    }
                    end++;
                }
                tooLong |= append(buf, pos - 1, end - pos + 1);
                pos = end;
            }
        }
        if (tooLong) {
            problem = Problem.TOO_LONG;
        } else if (spannedLines > 0 && expectedFields > 0 && fields != expectedFields) {
            // A stray quote swallowed the next lines: blame the first line, read the rest again.
            rereadAfterFirstLine(rawTextFull());
        }
    }

    private void badQuotingAtEof() {
        String raw = rawTextFull();
        rereadAfterFirstLine(raw);
    }

    private void rereadAfterFirstLine(String raw) {
        int cut = firstLineBreak(raw);
        problem = Problem.BAD_QUOTING;
        rawText = cut < 0 ? raw : raw.substring(0, cut);
        if (cut >= 0) {
            int skip = raw.charAt(cut) == '\r' && cut + 1 < raw.length() && raw.charAt(cut + 1) == '\n' ? 2 : 1;
            char[] rest = raw.substring(cut + skip).toCharArray();
            char[] remaining = Arrays.copyOfRange(buf, pos, Math.max(pos, limit));
            char[] joined = new char[rest.length + remaining.length];
            System.arraycopy(rest, 0, joined, 0, rest.length);
            System.arraycopy(remaining, 0, joined, rest.length, remaining.length);
            buf = joined.length >= BUFFER ? joined : Arrays.copyOf(joined, BUFFER);
            pos = 0;
            limit = joined.length;
            if (limit == 0 && !eof) {
                buf = new char[BUFFER];
            }
        }
        line = recordLine + 1;
        fields = 1;
        starts[0] = 0;
        ends[0] = 0;
    }

    private static int firstLineBreak(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    private String rawTextFull() {
        StringBuilder raw = new StringBuilder(rawCarry);
        int end = Math.max(rawStart, Math.min(pos, limit));
        raw.append(buf, rawStart, end - rawStart);
        int length = raw.length();
        while (length > 0 && (raw.charAt(length - 1) == '\n' || raw.charAt(length - 1) == '\r')) {
            length--;
        }
        raw.setLength(length);
        return raw.toString();
    }

    /** Appends one char of field text; true when the record went over the cap (the char is dropped). */
    private boolean append(char c) {
        if (textLength >= maxRecordChars) {
            return true;
        }
        if (textLength == text.length) {
            text = Arrays.copyOf(text, Math.min(maxRecordChars, text.length * 2));
        }
        text[textLength++] = c;
        return false;
    }

    /** Appends a run of field text; true when the record went over the cap (the excess is dropped). */
    private boolean append(char[] source, int from, int length) {
        int room = maxRecordChars - textLength;
        int copied = Math.min(room, length);
        if (textLength + copied > text.length) {
            text = Arrays.copyOf(text, Math.min(maxRecordChars, Math.max(text.length * 2, textLength + copied)));
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

    long line() {
        return line;
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

        String field(int index) {
            if (index < 0 || index >= fields) {
                return "";
            }
            return new String(text, starts[index], ends[index] - starts[index]);
        }

        boolean isBlank(int index) {
            if (index < 0 || index >= fields) {
                return true;
            }
            for (int i = starts[index]; i < ends[index]; i++) {
                if (text[i] > ' ') {
                    return false;
                }
            }
            return true;
        }

        /** The record as it stood in the file (cut to a few thousand characters). */
        String rawText() {
            if (rawText == null) {
                rawText = rawTextFull();
            }
            return rawText.length() > RAW_TEXT_LIMIT ? rawText.substring(0, RAW_TEXT_LIMIT) : rawText;
        }
    }
}

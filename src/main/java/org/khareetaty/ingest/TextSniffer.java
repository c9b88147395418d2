package org.khareetaty.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Looks at the start of a delimited text file (decompressing .gz) and decides its character set and
 * delimiter; rejects files that are empty or are not text at all, before anything is written.
 */
public final class TextSniffer {

    static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final char[] DELIMITERS = {',', '\t', ';', '|'};

    private TextSniffer() {
    }

    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** Opens the file's bytes, decompressed when it is gzip, with the decompression cap applied. */
    static InputStream openBytes(Path file, boolean gzip, InputLimits limits, InputStream raw) throws IOException {
        if (!gzip) {
            return raw;
        }
        return new CappedInputStream(new GZIPInputStream(raw, 1 << 16), limits.maxDecompressedBytes(),
                file.getFileName().toString());
    }

    public static TextFormat sniff(Path file, String delimiterOverride, String encodingOverride, InputLimits limits) {
        String name = file.getFileName().toString();
        byte[] sample;
        boolean gzip;
        try {
            if (Files.size(file) == 0) {
                throw new ImportException(name + ": the file is empty");
            }
            gzip = isGzip(file);
            try (InputStream in = openBytes(file, gzip, limits, new BufferedInputStream(Files.newInputStream(file)))) {
                sample = in.readNBytes(SAMPLE_BYTES);
            }
        } catch (EOFException | ZipException e) {
            throw new ImportException(name + ": the compressed file is damaged or truncated (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ImportException(name + ": cannot read the file: " + e.getMessage(), e);
        }
        if (sample.length == 0) {
            throw new ImportException(name + ": the file is empty");
        }
        boolean bom = sample.length >= 3 && (sample[0] & 0xff) == 0xEF && (sample[1] & 0xff) == 0xBB && (sample[2] & 0xff) == 0xBF;
        if (!bom && looksBinary(sample)) {
            throw new ImportException(name + ": the file is not text (binary content at the start); "
                    + "expected CSV/TSV, GeoJSON or a Shapefile");
        }
        Charset charset = encodingOverride != null && !encodingOverride.isBlank() ? Charset.forName(encodingOverride)
                : bom || isValidUtf8(sample) ? StandardCharsets.UTF_8 : WINDOWS_1256;
        int offset = bom ? 3 : 0;
        String text = new String(sample, offset, sample.length - offset, charset);
        char delimiter = delimiterOverride != null && !delimiterOverride.isEmpty()
                ? unescape(delimiterOverride) : detectDelimiter(text);
        List<String> header = readHeader(text, delimiter, limits);
        if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
            throw new ImportException(name + ": line 1 has no column names");
        }
        return new TextFormat(gzip, charset, bom, delimiter, header);
    }

    static char unescape(String delimiter) {
        return "\\t".equals(delimiter) || "tab".equalsIgnoreCase(delimiter) ? '\t' : delimiter.charAt(0);
    }

    private static List<String> readHeader(String text, char delimiter, InputLimits limits) {
        try (CsvRecordReader reader = new CsvRecordReader(new java.io.ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8, delimiter, limits.maxRecordBytes())) {
            if (!reader.next()) {
                return List.of();
            }
            CsvRecordReader.Record record = reader.record();
            String[] names = new String[record.fieldCount()];
            for (int i = 0; i < names.length; i++) {
                names[i] = record.field(i).strip();
            }
            return List.of(names);
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
    }

    /** NUL bytes or many control characters mean this is not a text table. */
    static boolean looksBinary(byte[] sample) {
        int control = 0;
        for (byte b : sample) {
            int c = b & 0xff;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x0c) {
                control++;
            }
        }
        return control > sample.length / 100 + 2;
    }

    static boolean isValidUtf8(byte[] sample) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        // The sample may end inside a multi-byte character: ignore up to 3 trailing bytes.
        int length = sample.length;
        for (int cut = 0; cut < 4 && length - cut > 0; cut++) {
            try {
                decoder.reset().decode(ByteBuffer.wrap(sample, 0, length - cut));
                return true;
            } catch (CharacterCodingException e) {
                if (length < SAMPLE_BYTES) {
                    return false;  // the whole file was read: no cut-off character to excuse
                }
            }
        }
        return false;
    }

    /** The candidate that splits the first lines into the same, largest number of fields. */
    static char detectDelimiter(String text) {
        String[] lines = text.split("\r\n|\n|\r", 21);
        int usable = Math.max(1, Math.min(lines.length - 1, 20));
        char best = ',';
        int bestScore = 0;
        for (char candidate : DELIMITERS) {
            int first = countOutsideQuotes(lines[0], candidate);
            if (first == 0) {
                continue;
            }
            int consistent = 0;
            for (int i = 1; i <= usable && i < lines.length; i++) {
                if (countOutsideQuotes(lines[i], candidate) == first) {
                    consistent++;
                }
            }
            int score = first * (consistent + 1);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }
}

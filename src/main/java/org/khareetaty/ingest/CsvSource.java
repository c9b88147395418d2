package org.khareetaty.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A delimited text file (optionally gzip) as rows, with its header from line 1. */
final class CsvSource implements RowSource {

    private final CsvRecordReader reader;
    private final MessageDigest digest;
    private final List<String> header;
    private final Row row = new Row();

    CsvSource(Path file, TextFormat format, InputLimits limits, AtomicLong bytesRead) throws IOException {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        InputStream raw = new DigestInputStream(new CountingInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), bytesRead), digest);
        InputStream bytes = TextSniffer.openBytes(file, format.gzip(), limits, raw);
        if (format.bom()) {
            bytes.readNBytes(3);
        }
        reader = open(bytes, format.charset(), format.delimiter(), limits.maxRecordBytes());
        header = format.header();
        if (reader.next()) {
            reader.expectFields(header.size());  // line 1 is the header sniffing already read
        }
    }

    /** A CSV reader over the bytes, transcoded to UTF-8 first when the character set cannot be split on bytes. */
    static CsvRecordReader open(InputStream bytes, Charset charset, char delimiter, int maxRecordBytes) {
        if (CsvRecordReader.readsBytesOf(charset)) {
            return new CsvRecordReader(bytes, charset, delimiter, maxRecordBytes);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new CsvRecordReader(new Utf8Transcoder(new InputStreamReader(bytes, decoder)), StandardCharsets.UTF_8,
                delimiter, maxRecordBytes);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() throws IOException {
        return reader.next() ? row : null;
    }

    @Override
    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private final class Row implements SourceRow {
        @Override
        public long line() {
            return reader.record().line();
        }

        @Override
        public int fieldCount() {
            return reader.record().fieldCount();
        }

        @Override
        public byte[] text() {
            return reader.record().text();
        }

        @Override
        public int start(int column) {
            return reader.record().start(column);
        }

        @Override
        public int end(int column) {
            return reader.record().end(column);
        }

        @Override
        public Charset charset() {
            return reader.record().charset();
        }

        @Override
        public String rawText() {
            return reader.record().rawText();
        }

        @Override
        public QuarantineReason readProblem() {
            return switch (reader.record().problem()) {
                case NONE -> null;
                case TOO_LONG -> QuarantineReason.FIELD_TOO_LONG;
                case BAD_QUOTING -> QuarantineReason.BAD_QUOTING;
            };
        }
    }
}

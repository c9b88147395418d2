package org.khareetaty.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text from a reader as UTF-8 bytes: lets the byte-level CSV reader take files in character sets whose
 * multi-byte characters may contain ASCII bytes (UTF-16, Shift JIS, ...).
 */
final class Utf8Transcoder extends InputStream {

    private final Reader in;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean endOfInput;

    Utf8Transcoder(Reader in) {
        this.in = in;
        chars.flip();
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!bytes.hasRemaining()) {
            if (endOfInput && !chars.hasRemaining()) {
                return -1;
            }
            chars.compact();
            if (!endOfInput) {
                int n = in.read(chars);
                endOfInput = n < 0;
            }
            chars.flip();
            bytes.clear();
            CoderResult result = encoder.encode(chars, bytes, endOfInput);
            if (endOfInput && result.isUnderflow()) {
                encoder.flush(bytes);
            }
            bytes.flip();
            if (endOfInput && !bytes.hasRemaining() && chars.hasRemaining()) {
                chars.position(chars.limit());  // a lone surrogate at the very end: nothing more to encode
            }
        }
        int n = Math.min(length, bytes.remaining());
        bytes.get(target, offset, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

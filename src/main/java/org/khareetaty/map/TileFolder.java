package org.khareetaty.map;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of tiles ({@code z/x/y.<extension>}) in the data folder's cache: images as a tile server sent them, or
 * the app's own tiles as deflated pixels. Files are written to a temporary name and moved into place, so a crash
 * never leaves half a tile; an unreadable file counts as absent.
 */
final class TileFolder {

    private static final Logger LOG = LoggerFactory.getLogger(TileFolder.class);

    /** First bytes of a file written by {@link #storePixels}. */
    private static final byte[] PIXELS_MAGIC = {'K', 'T', 'P', '1'};

    private final Path folder;
    private final String extension;

    TileFolder(Path folder, String extension) {
        this.folder = folder;
        this.extension = extension;
    }

    Path folder() {
        return folder;
    }

    Path file(int z, long x, long y) {
        return folder.resolve(Integer.toString(z)).resolve(Long.toString(x)).resolve(y + "." + extension);
    }

    Optional<BufferedImage> read(int z, long x, long y) {
        Path file = file(z, x, y);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ImageIO.read(file.toFile()));
        } catch (IOException e) {
            LOG.debug("Unreadable cached tile {}", file, e);
            return Optional.empty();
        }
    }

    void store(int z, long x, long y, byte[] bytes) {
        Path file = file(z, x, y);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "tile", ".part");
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("Cannot cache tile {}", file, e);
        }
    }

    /**
     * Pixels kept with {@link #storePixels}: a tile of {@code width * height} ARGB ints, or empty when the file is
     * absent or not such a tile (ADR 0046: no image decoder, no colour conversion, one array per tile).
     */
    Optional<int[]> readPixels(int z, long x, long y, int width, int height) {
        Path file = file(z, x, y);
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("Unreadable cached tile {}", file, e);
            return Optional.empty();
        }
        if (stored.length < PIXELS_MAGIC.length || !Arrays.equals(stored, 0, PIXELS_MAGIC.length, PIXELS_MAGIC, 0, PIXELS_MAGIC.length)) {
            return Optional.empty();
        }
        byte[] raw = new byte[width * height * Integer.BYTES];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored, PIXELS_MAGIC.length, stored.length - PIXELS_MAGIC.length);
            int filled = 0;
            while (filled < raw.length && !inflater.finished()) {
                int n = inflater.inflate(raw, filled, raw.length - filled);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                filled += n;
            }
            if (filled != raw.length || !inflater.finished()) {
                LOG.debug("Cached tile {} is cut short", file);
                return Optional.empty();
            }
        } catch (DataFormatException e) {
            LOG.debug("Cached tile {} is damaged", file, e);
            return Optional.empty();
        } finally {
            inflater.end();
        }
        int[] pixels = new int[width * height];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(pixels);
        return Optional.of(pixels);
    }

    /** Keeps a tile's ARGB pixels, deflated at the fastest level (flat map colours compress well even so). */
    void storePixels(int z, long x, long y, int[] pixels) {
        try (PixelWriter writer = new PixelWriter(pixels.length)) {
            writer.store(z, x, y, pixels);
        }
    }

    /** A writer that keeps many tiles with the same buffers (drawing ahead): little garbage per tile. */
    PixelWriter pixelWriter(int pixelCount) {
        return new PixelWriter(pixelCount);
    }

    final class PixelWriter implements AutoCloseable {
        private final byte[] raw;
        private final ByteBuffer rawView;
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        private final byte[] chunk = new byte[16 * 1024];
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);

        private PixelWriter(int pixelCount) {
            raw = new byte[pixelCount * Integer.BYTES];
            rawView = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        }

        void store(int z, long x, long y, int[] pixels) {
            rawView.clear();
            rawView.asIntBuffer().put(pixels);
            deflater.reset();
            deflater.setInput(raw, 0, pixels.length * Integer.BYTES);
            deflater.finish();
            out.reset();
            out.writeBytes(PIXELS_MAGIC);
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            store(z, x, y, out.toByteArray());
        }

        private void store(int z, long x, long y, byte[] bytes) {
            TileFolder.this.store(z, x, y, bytes);
        }

        @Override
        public void close() {
            deflater.end();
        }
    }

    /** A short stable name for what a folder's tiles were made from. */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

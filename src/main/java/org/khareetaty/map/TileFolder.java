package org.khareetaty.map;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of tile images ({@code z/x/y.<extension>}) in the data folder's cache. Files are written to a
 * temporary name and moved into place, so a crash never leaves half a tile; an unreadable file counts as absent.
 */
final class TileFolder {

    private static final Logger LOG = LoggerFactory.getLogger(TileFolder.class);

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

    void storePng(int z, long x, long y, BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream(16 * 1024);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            LOG.debug("Cannot encode tile {}/{}/{}", z, x, y, e);
            return;
        }
        store(z, x, y, png.toByteArray());
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

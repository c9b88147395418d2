package org.khareetaty.map;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raster tiles (PNG or JPEG) from an MBTiles file (SQLite, TMS row order), opened read-only. Vector
 * MBTiles are refused when opened, with a message saying so.
 */
public final class MbTilesSource implements TileSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MbTilesSource.class);

    private final Path file;
    private final Connection connection;
    private final String attribution;

    private MbTilesSource(Path file, Connection connection, String attribution) {
        this.file = file;
        this.connection = connection;
        this.attribution = attribution;
    }

    public static MbTilesSource open(Path file, String configuredAttribution) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The MBTiles file " + file + " does not exist");
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
            String format = metadata(connection, "format");
            if ("pbf".equalsIgnoreCase(format) || "mvt".equalsIgnoreCase(format)) {
                connection.close();
                throw new IllegalArgumentException("The MBTiles file " + file + " holds vector tiles (" + format
                        + "); the map needs raster tiles (png or jpg)");
            }
            String attribution = configuredAttribution == null || configuredAttribution.isBlank()
                    ? Optional.ofNullable(metadata(connection, "attribution")).orElse(file.getFileName().toString())
                    : configuredAttribution;
            return new MbTilesSource(file, connection, attribution.replaceAll("<[^>]*>", ""));
        } catch (SQLException e) {
            throw new IllegalArgumentException("The file " + file + " is not a readable MBTiles file: " + e.getMessage(), e);
        }
    }

    private static String metadata(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT value FROM metadata WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    public synchronized Optional<BufferedImage> tile(int z, long x, long y) {
        long tmsRow = (1L << z) - 1 - y;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?")) {
            statement.setInt(1, z);
            statement.setLong(2, x);
            statement.setLong(3, tmsRow);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(rs.getBytes(1))));
            }
        } catch (SQLException | IOException e) {
            LOG.debug("Cannot read tile {}/{}/{} from {}", z, x, y, file, e);
            return Optional.empty();
        }
    }

    @Override
    public String attribution() {
        return attribution;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing {}", file, e);
        }
    }
}

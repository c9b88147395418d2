package org.khareetaty.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.khareetaty.common.FileTrees;
import org.h2gis.functions.factory.H2GISFunctions;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A GeoJSON file or a Shapefile (.shp with its .dbf/.shx/.prj, or a .zip holding them) read into memory
 * as features: attribute values as text plus a geometry in longitude/latitude. Shapefiles are read by
 * H2GIS's SHPREAD in a private in-memory database (never the workstation's own), zips are unpacked with
 * entry-count and size caps, by base name only, into a temporary folder under the data folder's cache.
 */
public final class FeatureFile {

    private static final long MAX_GEOJSON_BYTES = 512L << 20;
    private static final Set<String> SHAPEFILE_PARTS = Set.of("shp", "shx", "dbf", "prj", "cpg");
    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** One feature: its attribute values in column order and its geometry (may be null). */
    public record Feature(List<String> values, Geometry geometry) {
    }

    private final Path file;
    private final List<String> columns;
    private final List<Feature> features;

    private FeatureFile(Path file, List<String> columns, List<Feature> features) {
        this.file = file;
        this.columns = List.copyOf(columns);
        this.features = features;
    }

    public static boolean handles(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".geojson") || name.endsWith(".json") || name.endsWith(".shp") || name.endsWith(".zip");
    }

    public static FeatureFile read(Path file, InputLimits limits, Path cacheFolder) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".shp")) {
                return readShapefile(file, file);
            }
            if (name.endsWith(".zip")) {
                return readZippedShapefile(file, limits, cacheFolder);
            }
            return readGeoJson(file);
        } catch (IOException e) {
            throw new ImportException(file.getFileName() + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    public List<String> columns() {
        return columns;
    }

    public List<Feature> features() {
        return features;
    }

    public boolean hasPoints() {
        return features.stream().anyMatch(f -> f.geometry() instanceof Point);
    }

    public List<List<String>> sampleRows(int count) {
        return features.stream().limit(count).map(Feature::values).toList();
    }

    /** The features as rows for the incident importer (line = feature number, from 1). */
    RowSource rows(AtomicLong bytesRead) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        long fileSize = size;
        return new RowSource() {
            private int next;
            private Feature current;

            @Override
            public List<String> header() {
                return columns;
            }

            @Override
            public SourceRow next() {
                if (next >= features.size()) {
                    bytesRead.addAndGet(fileSize);
                    return null;
                }
                current = features.get(next++);
                row.fill(current.values());
                return row;
            }

            private final FeatureRow row = new FeatureRow();

            /** A feature's values laid out as UTF-8 field ranges, like a CSV record. */
            final class FeatureRow implements SourceRow {
                private byte[] text = new byte[256];
                private int[] starts = new int[0];
                private int[] ends = new int[0];

                void fill(List<String> values) {
                    if (starts.length < values.size()) {
                        starts = new int[values.size()];
                        ends = new int[values.size()];
                    }
                    int length = 0;
                    for (int i = 0; i < values.size(); i++) {
                        byte[] utf8 = values.get(i) == null ? new byte[0] : values.get(i).getBytes(StandardCharsets.UTF_8);
                        if (length + utf8.length > text.length) {
                            text = java.util.Arrays.copyOf(text, Math.max(text.length * 2, length + utf8.length));
                        }
                        System.arraycopy(utf8, 0, text, length, utf8.length);
                        starts[i] = length;
                        length += utf8.length;
                        ends[i] = length;
                    }
                }

                @Override
                public long line() {
                    return next;
                }

                @Override
                public int fieldCount() {
                    return current.values().size();
                }

                @Override
                public byte[] text() {
                    return text;
                }

                @Override
                public int start(int column) {
                    return column < 0 || column >= current.values().size() ? 0 : starts[column];
                }

                @Override
                public int end(int column) {
                    return column < 0 || column >= current.values().size() ? 0 : ends[column];
                }

                @Override
                public java.nio.charset.Charset charset() {
                    return StandardCharsets.UTF_8;
                }

                @Override
                public boolean isBlank(int column) {
                    return field(column).isBlank();
                }

                @Override
                public String rawText() {
                    return String.join(",", current.values()) + (current.geometry() == null ? "" : "," + current.geometry().toText());
                }

                @Override
                public QuarantineReason readProblem() {
                    return null;
                }

                @Override
                public double featureLon() {
                    return current.geometry() == null || current.geometry().isEmpty() ? Double.NaN
                            : current.geometry().getCoordinate().x;
                }

                @Override
                public double featureLat() {
                    return current.geometry() == null || current.geometry().isEmpty() ? Double.NaN
                            : current.geometry().getCoordinate().y;
                }
            }

            @Override
            public String sha256() {
                return sha256Of(file);
            }

            @Override
            public void close() {
                // everything is in memory already
            }
        };
    }

    static String sha256Of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new ImportException(file.getFileName() + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    // ---- GeoJSON ------------------------------------------------------------------------------------

    private static FeatureFile readGeoJson(Path file) throws IOException {
        if (Files.size(file) > MAX_GEOJSON_BYTES) {
            throw new ImportException(file.getFileName() + ": GeoJSON files over " + (MAX_GEOJSON_BYTES >> 20) + " MB are not supported");
        }
        JsonNode root;
        ObjectMapper json = new ObjectMapper();
        json.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        try (InputStream in = Files.newInputStream(file)) {
            root = json.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ImportException(file.getFileName() + ": not valid JSON (line " + e.getLocation().getLineNr()
                    + "): " + e.getOriginalMessage(), e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new ImportException(file.getFileName() + ": not a GeoJSON FeatureCollection");
        }
        int epsg = geoJsonEpsg(root);
        GeometryCodec codec = new GeometryCodec();
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode feature : root.path("features")) {
            feature.path("properties").fieldNames().forEachRemaining(names::add);
        }
        List<String> columns = new ArrayList<>(names);
        List<Feature> features = new ArrayList<>();
        int number = 0;
        for (JsonNode feature : root.path("features")) {
            number++;
            JsonNode properties = feature.path("properties");
            List<String> values = new ArrayList<>(columns.size());
            for (String column : columns) {
                JsonNode value = properties.get(column);
                values.add(value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString());
            }
            Geometry geometry;
            try {
                geometry = geometry(feature.path("geometry"), codec, epsg);
            } catch (IllegalArgumentException e) {
                throw new ImportException(file.getFileName() + ": feature " + number + " has a broken geometry: " + e.getMessage(), e);
            }
            features.add(new Feature(values, geometry));
        }
        return new FeatureFile(file, columns, features);
    }

    /** The legacy "crs" member (urn:ogc:def:crs:EPSG::2272); RFC 7946 files have none and are WGS 84. */
    private static int geoJsonEpsg(JsonNode root) {
        String name = root.path("crs").path("properties").path("name").asText("");
        int colon = name.lastIndexOf(':');
        if (name.contains("EPSG") && colon >= 0) {
            try {
                return Integer.parseInt(name.substring(colon + 1));
            } catch (NumberFormatException e) {
                return 4326;
            }
        }
        return 4326;
    }

    private static Geometry geometry(JsonNode node, GeometryCodec codec, int epsg) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String type = node.path("type").asText();
        JsonNode c = node.path("coordinates");
        return switch (type) {
            case "Point" -> FACTORY.createPoint(coordinate(c, codec, epsg));
            case "MultiPoint" -> c.size() == 0 ? null : FACTORY.createPoint(coordinate(c.get(0), codec, epsg));
            case "Polygon" -> polygon(c, codec, epsg);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[c.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(c.get(i), codec, epsg);
                }
                yield FACTORY.createMultiPolygon(polygons);
            }
            case "LineString" -> FACTORY.createLineString(coordinates(c, codec, epsg));
            case "GeometryCollection" -> {
                List<Geometry> parts = new ArrayList<>();
                for (JsonNode part : node.path("geometries")) {
                    parts.add(geometry(part, codec, epsg));
                }
                yield FACTORY.buildGeometry(parts);
            }
            default -> throw new IllegalArgumentException("unsupported geometry type '" + type + "'");
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryCodec codec, int epsg) {
        if (rings.size() == 0) {
            return FACTORY.createPolygon();
        }
        LinearRing shell = FACTORY.createLinearRing(coordinates(rings.get(0), codec, epsg));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = FACTORY.createLinearRing(coordinates(rings.get(i), codec, epsg));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static Coordinate[] coordinates(JsonNode array, GeometryCodec codec, int epsg) {
        Coordinate[] result = new Coordinate[array.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = coordinate(array.get(i), codec, epsg);
        }
        return result;
    }

    private static Coordinate coordinate(JsonNode pair, GeometryCodec codec, int epsg) {
        if (pair == null || pair.size() < 2 || !pair.get(0).isNumber() || !pair.get(1).isNumber()) {
            throw new IllegalArgumentException("a position is not [x, y]");
        }
        GeometryCodec.Point point = new GeometryCodec.Point();
        if (!codec.toLonLat(pair.get(0).asDouble(), pair.get(1).asDouble(), epsg, point)) {
            throw new IllegalArgumentException("a position cannot be converted to longitude/latitude");
        }
        return new Coordinate(point.lon, point.lat);
    }

    // ---- Shapefile ----------------------------------------------------------------------------------

    private static FeatureFile readZippedShapefile(Path zip, InputLimits limits, Path cacheFolder) throws IOException {
        Files.createDirectories(cacheFolder);
        Path folder = Files.createTempDirectory(cacheFolder, "shapefile-");
        try {
            Path shp = null;
            int entries = 0;
            long total = 0;
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    if (++entries > limits.maxArchiveEntries()) {
                        throw new ImportException(zip.getFileName() + ": more than " + limits.maxArchiveEntries() + " entries in the archive");
                    }
                    String base = Path.of(entry.getName().replace('\\', '/')).getFileName().toString();
                    String extension = base.contains(".") ? base.substring(base.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
                    if (entry.isDirectory() || !SHAPEFILE_PARTS.contains(extension)) {
                        continue;
                    }
                    // Only the base name is used: "../" in an entry cannot write outside the folder.
                    Path target = folder.resolve("layer." + extension);
                    // Files.copy leaves the zip stream open for the next entry.
                    long copied = Files.copy(new CappedInputStream(in, limits.maxDecompressedBytes() - total,
                            zip.getFileName().toString()), target, StandardCopyOption.REPLACE_EXISTING);
                    total += copied;
                    if ("shp".equals(extension)) {
                        shp = target;
                    }
                }
            }
            if (shp == null) {
                throw new ImportException(zip.getFileName() + ": the archive holds no .shp file");
            }
            return readShapefile(shp, zip);
        } finally {
            FileTrees.delete(folder);
        }
    }

    private static FeatureFile readShapefile(Path shp, Path original) {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:", "sa", "")) {
            H2GISFunctions.load(connection);
            try (Statement statement = connection.createStatement()) {
                try (java.sql.PreparedStatement read = connection.prepareStatement("CALL SHPREAD(?, 'LAYER')")) {
                    read.setString(1, shp.toAbsolutePath().toString());
                    read.execute();
                }
                String geometryColumn = null;
                List<String> columns = new ArrayList<>();
                List<Feature> features = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM LAYER")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if ("GEOMETRY".equalsIgnoreCase(meta.getColumnTypeName(i)) || meta.getColumnTypeName(i).startsWith("GEOMETRY")) {
                            geometryColumn = meta.getColumnName(i);
                        } else if (!"PK".equalsIgnoreCase(meta.getColumnName(i))) {
                            columns.add(meta.getColumnName(i));
                        }
                    }
                }
                if (geometryColumn == null) {
                    throw new ImportException(original.getFileName() + ": the shapefile has no geometry");
                }
                int srid = 0;
                try (ResultSet rs = statement.executeQuery("SELECT ST_SRID(\"" + geometryColumn + "\") FROM LAYER LIMIT 1")) {
                    if (rs.next()) {
                        srid = rs.getInt(1);
                    }
                }
                String geometrySql = srid == 0 || srid == 4326 ? "\"" + geometryColumn + "\""
                        : "ST_Transform(\"" + geometryColumn + "\", 4326)";
                StringBuilder sql = new StringBuilder("SELECT ").append(geometrySql);
                for (String column : columns) {
                    sql.append(", \"").append(column.replace("\"", "\"\"")).append('"');
                }
                sql.append(" FROM LAYER");
                try (ResultSet rs = statement.executeQuery(sql.toString())) {
                    while (rs.next()) {
                        Geometry geometry = (Geometry) rs.getObject(1);
                        List<String> values = new ArrayList<>(columns.size());
                        for (int i = 0; i < columns.size(); i++) {
                            String value = rs.getString(i + 2);
                            values.add(value == null ? "" : value.strip());
                        }
                        features.add(new Feature(values, geometry));
                    }
                }
                return new FeatureFile(original, columns, features);
            }
        } catch (SQLException e) {
            throw new ImportException(original.getFileName() + ": cannot read the shapefile: " + e.getMessage(), e);
        }
    }

    /** Values of one column for every feature, for the area importer's name and population fields. */
    public List<String> column(String name) {
        int index = RowParser.column(columns, name);
        return features.stream().map(f -> f.values().get(index)).toList();
    }

}

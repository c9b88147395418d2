package org.khareetaty.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The CSV reader scans eight bytes at a time and the area locator keeps candidate lists per boundary cell; both
 * must give exactly what the plain definitions give.
 */
class CsvAndAreaFastPathsTest {

    private final Random random = new Random(7);

    @Test
    void recordsEqualAPlainReadingOfRandomCsv() throws IOException {
        String alphabet = "ab,\"\r\n;|\t xyzé٣0123456789";
        for (int round = 0; round < 300; round++) {
            char delimiter = ",;|\t".charAt(random.nextInt(4));
            List<List<String>> records = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int fields = 1 + random.nextInt(6);
            for (int r = 0; r < 1 + random.nextInt(40); r++) {
                List<String> record = new ArrayList<>();
                for (int f = 0; f < fields; f++) {
                    StringBuilder value = new StringBuilder();
                    int length = random.nextInt(4) == 0 ? random.nextInt(70) : random.nextInt(9);
                    for (int i = 0; i < length; i++) {
                        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    String plain = value.toString();
                    boolean needsQuotes = plain.indexOf(delimiter) >= 0 || plain.contains("\"") || plain.contains("\r")
                            || plain.contains("\n");
                    if (!needsQuotes && plain.isEmpty() && fields == 1) {
                        plain = "x";  // a record of one empty field is a blank line, which the reader skips
                    }
                    record.add(plain);
                    if (f > 0) {
                        text.append(delimiter);
                    }
                    text.append(needsQuotes ? "\"" + plain.replace("\"", "\"\"") + "\"" : plain);
                }
                records.add(record);
                text.append(random.nextBoolean() ? "\n" : "\r\n");
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            List<List<String>> read = new ArrayList<>();
            // Small reads make records straddle buffer refills.
            try (CsvRecordReader reader = new CsvRecordReader(trickle(bytes), StandardCharsets.UTF_8, delimiter, 1 << 20)) {
                while (reader.next()) {
                    List<String> record = new ArrayList<>();
                    for (int i = 0; i < reader.record().fieldCount(); i++) {
                        record.add(reader.record().field(i));
                    }
                    assertThat(reader.record().problem()).isEqualTo(CsvRecordReader.Problem.NONE);
                    read.add(record);
                }
            }
            assertThat(read).as(text.toString()).isEqualTo(records);
        }
    }

    private InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] target, int offset, int length) {
                return super.read(target, offset, Math.min(length, 1 + random.nextInt(13)));
            }

            @Override
            public int readNBytes(byte[] target, int offset, int length) {
                return read(target, offset, length);
            }
        };
    }

    @Test
    void areasFoundByTheRasterEqualAPlainPointInPolygonTest(@TempDir Path folder) throws IOException {
        List<Path> layers = new ArrayList<>();
        for (String sample : List.of("/samples/philadelphia/police_districts.geojson", "/samples/kuwait/governorates.geojson")) {
            Path file = folder.resolve(Path.of(sample).getFileName());
            try (InputStream in = getClass().getResourceAsStream(sample)) {
                Files.copy(in, file);
            }
            layers.add(file);
        }
        // Census tracts (hundreds of small polygons) when the shared data is there.
        Path tracts = Path.of("../shared/data/philadelphia/census_tracts.geojson");
        if (Files.isRegularFile(tracts)) {
            layers.add(tracts);
        }
        for (Path layer : layers) {
            checkAgainstPlainPointInPolygon(FeatureFile.read(layer, InputLimits.DEFAULT, folder), layer.toString());
        }
    }

    private void checkAgainstPlainPointInPolygon(FeatureFile layer, String name) {
        List<AreaLocator.Area> areas = new ArrayList<>();
        Envelope extent = new Envelope();
        for (FeatureFile.Feature feature : layer.features()) {
            areas.add(new AreaLocator.Area(UUID.randomUUID(), feature.geometry()));
            extent.expandToInclude(feature.geometry().getEnvelopeInternal());
        }
        AreaLocator locator = new AreaLocator("kind", areas);
        GeometryFactory factory = new GeometryFactory();
        int inside = 0;
        List<Coordinate> points = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            points.add(new Coordinate(extent.getMinX() - 0.01 + random.nextDouble() * (extent.getWidth() + 0.02),
                    extent.getMinY() - 0.01 + random.nextDouble() * (extent.getHeight() + 0.02)));
        }
        // And points exactly on the polygons' vertices and edges' midpoints, where rounding would show.
        for (AreaLocator.Area area : areas) {
            Coordinate[] vertices = area.geometry().getCoordinates();
            for (int i = 1; i < vertices.length; i += Math.max(1, vertices.length / 200)) {
                points.add(vertices[i]);
                points.add(new Coordinate((vertices[i - 1].x + vertices[i].x) / 2, (vertices[i - 1].y + vertices[i].y) / 2));
            }
        }
        for (Coordinate coordinate : points) {
            Point point = factory.createPoint(coordinate);
            int expected = -1;
            for (int a = 0; a < areas.size(); a++) {
                if (areas.get(a).geometry().covers(point)) {
                    expected = a;
                    break;
                }
            }
            assertThat(locator.locate(coordinate.x, coordinate.y)).as("%s at (%s, %s)", name, coordinate.x, coordinate.y)
                    .isEqualTo(expected);
            if (expected >= 0) {
                inside++;
            }
        }
        assertThat(inside).as(name).isGreaterThan(5_000);
    }
}

package org.khareetaty.analysis.forecast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.khareetaty.store.IncidentSnapshot;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Benchmark input without the importer: the Philadelphia CSVs read straight into an {@link IncidentSnapshot},
 * districts assigned by point in polygon (as the importer does through incident_area). Test code only.
 */
public final class PhiladelphiaSnapshot {

    /** The snapshot and the district polygons (their union is the hotspot region). */
    public record Data(IncidentSnapshot snapshot, List<Geometry> districts) {
    }

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private PhiladelphiaSnapshot() {
    }

    /**
     * Loads the data, parsing the CSVs once and keeping a binary copy under target/ for later runs (parsing
     * 1.5 million CSV rows takes minutes on a busy machine; the copy loads in seconds).
     */
    public static Data load(Path folder) throws IOException {
        Path cache = Path.of("target", "bench-cache", "philadelphia-incidents.bin");
        if (!Files.exists(cache)) {
            Files.createDirectories(cache.getParent());
            Path partial = cache.resolveSibling("philadelphia-incidents.partial");
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                    Files.newOutputStream(partial), 1 << 16))) {
                parseCsv(folder, out);
            }
            Files.move(partial, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<Geometry> districts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        JsonNode root = new ObjectMapper().readTree(folder.resolve("police_districts.geojson").toFile());
        for (JsonNode feature : root.get("features")) {
            districts.add(geometry(feature.get("geometry")));
            names.add("District " + feature.get("properties").get("dist_numc").asText());
        }
        List<IndexedPointInAreaLocator> locators = districts.stream().map(IndexedPointInAreaLocator::new).toList();
        IncidentSnapshot.Builder builder = IncidentSnapshot.builder(1_600_000);
        List<UUID> ids = new ArrayList<>();
        for (int d = 0; d < districts.size(); d++) {
            UUID id = UUID.nameUUIDFromBytes(names.get(d).getBytes(StandardCharsets.UTF_8));
            ids.add(id);
            builder.area("district", id, names.get(d));
        }
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                Files.newInputStream(cache), 1 << 16))) {
            long row = 0;
            while (in.readBoolean()) {
                long epochSecond = in.readLong();
                LocalDate day = LocalDate.ofEpochDay(in.readInt());
                int hour = in.readByte();
                String category = in.readUTF();
                double lon = in.readDouble();
                double lat = in.readDouble();
                UUID district = null;
                if (!Double.isNaN(lon)) {
                    Coordinate point = new Coordinate(lon, lat);
                    for (int d = 0; d < districts.size(); d++) {
                        if (districts.get(d).getEnvelopeInternal().contains(point)
                                && locators.get(d).locate(point) != Location.EXTERIOR) {
                            district = ids.get(d);
                            break;
                        }
                    }
                }
                builder.add(new UUID(0, row++), epochSecond, day, hour, category, lon, lat,
                        district == null ? Map.of() : Map.of("district", district));
            }
        }
        return new Data(builder.build(1), districts);
    }

    private static void parseCsv(Path folder, java.io.DataOutputStream out) throws IOException {
        Set<String> seen = new HashSet<>();
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssX");
        for (int year = 2016; year <= 2025; year++) {
            Path file = folder.resolve("incidents_" + year + ".csv.gz");
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
                reader.readLine();
                String line;
                while ((line = reader.readLine()) != null) {
                    List<String> f = split(line);
                    if (f.size() < 16 || !seen.add(f.get(10))) {
                        continue;
                    }
                    LocalDate day = LocalDate.parse(f.get(7));
                    long epochSecond = OffsetDateTime.parse(f.get(6), utc).toEpochSecond();
                    double lon = f.get(14).isEmpty() ? Double.NaN : Double.parseDouble(f.get(14));
                    double lat = f.get(15).isEmpty() ? Double.NaN : Double.parseDouble(f.get(15));
                    out.writeBoolean(true);
                    out.writeLong(epochSecond);
                    out.writeInt((int) day.toEpochDay());
                    out.writeByte(f.get(9).isEmpty() ? 0 : Integer.parseInt(f.get(9)));
                    out.writeUTF(f.get(13));
                    out.writeDouble(lon);
                    out.writeDouble(lat);
                }
            }
        }
        out.writeBoolean(false);
    }

    private static Geometry geometry(JsonNode node) {
        String type = node.get("type").asText();
        JsonNode coordinates = node.get("coordinates");
        if ("Polygon".equals(type)) {
            return polygon(coordinates);
        }
        Polygon[] parts = new Polygon[coordinates.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = polygon(coordinates.get(i));
        }
        return FACTORY.createMultiPolygon(parts);
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return FACTORY.createLinearRing(coordinates);
    }

    /** Splits one CSV line with double-quoted fields. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(16);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}

package org.khareetaty.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentBlocks;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.khareetaty.sync.ChangeLog;
import org.khareetaty.sync.ChangeOperation;
import org.khareetaty.sync.SyncEntity;

/**
 * Boundary layers (police districts, governorates, tracts): imports polygons with a kind, a name field
 * and population where the layer has it, and assigns every located incident to the area of each kind that
 * contains it (table {@code incident_area}). Re-importing a layer replaces its areas by code and reassigns.
 */
public final class AreaService {

    private static final Logger LOG = LoggerFactory.getLogger(AreaService.class);
    private static final Pattern POPULATION = Pattern.compile("(?i)^(population|pop|pop_?total|total_?pop.*|pop\\d+|p0010001)$");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final Database database;
    private final InputLimits limits;

    public AreaService(Database database, InputLimits limits) {
        this.database = database;
        this.limits = limits;
    }

    /** Outcome of an area import. */
    public record AreaImport(String kind, int areas, int skipped, long incidentsAssigned, long elapsedMs, List<String> warnings) {
    }

    /** One stored area, for lists and pickers. */
    public record AreaInfo(UUID id, String kind, String code, String name, Long population) {
    }

    public AreaImport importLayer(Path file, String kind, String nameField, TaskContext context) {
        long started = System.nanoTime();
        String cleanKind = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
        if (!KIND.matcher(cleanKind).matches()) {
            throw new ImportException("The area kind must be a short lower-case word such as district or governorate, not '" + kind + "'");
        }
        if (!FeatureFile.handles(file)) {
            throw new ImportException(file.getFileName() + ": boundary layers must be GeoJSON (.geojson/.json) or Shapefile (.shp/.zip)");
        }
        FeatureFile layer = FeatureFile.read(file, limits, database.folder().cache());
        List<String> names = layer.column(nameField);
        String populationField = layer.columns().stream().filter(c -> POPULATION.matcher(c).matches()).findFirst().orElse(null);
        List<String> populations = populationField == null ? null : layer.column(populationField);
        List<String> warnings = new ArrayList<>();
        Map<String, Geometry> byCode = new LinkedHashMap<>();
        Map<String, Long> populationByCode = new HashMap<>();
        int skipped = 0;
        for (int i = 0; i < layer.features().size(); i++) {
            Geometry geometry = layer.features().get(i).geometry();
            String name = names.get(i).strip();
            if (geometry == null || !(geometry instanceof Polygonal) || geometry.isEmpty() || name.isEmpty()) {
                skipped++;
                warnings.add("Feature " + (i + 1) + " skipped: " + (name.isEmpty() ? "no " + nameField : "not a polygon"));
                continue;
            }
            if (!geometry.isValid()) {
                geometry = GeometryFixer.fix(geometry);
                warnings.add("Feature " + (i + 1) + " (" + name + ") had an invalid polygon; it was repaired");
            }
            geometry.setSRID(4326);
            Geometry previous = byCode.get(name);
            byCode.put(name, previous == null ? geometry : previous.union(geometry));
            if (populations != null) {
                Long population = parsePopulation(populations.get(i));
                if (population != null) {
                    populationByCode.merge(name, population, Long::sum);
                }
            }
        }
        if (byCode.isEmpty()) {
            throw new ImportException(file.getFileName() + ": no polygon with a value in '" + nameField + "' was found");
        }
        context.progress(0, 2, "Storing " + byCode.size() + " areas");
        long assigned = database.inTransaction(connection -> {
            storeAreas(connection, cleanKind, byCode, populationByCode);
            context.checkCancelled();
            context.progress(1, 2, "Assigning incidents to " + cleanKind + " areas");
            return assignAll(connection, cleanKind, context);
        });
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Imported {} {} areas from {}; {} incidents assigned in {} ms", byCode.size(), cleanKind, file.getFileName(), assigned, elapsed);
        return new AreaImport(cleanKind, byCode.size(), skipped, assigned, elapsed, warnings);
    }

    private static Long parsePopulation(String text) {
        try {
            return text == null || text.isBlank() ? null : Math.round(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void storeAreas(Connection connection, String kind, Map<String, Geometry> byCode,
            Map<String, Long> populationByCode) throws SQLException {
        Map<String, UUID> existing = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT code, id FROM area WHERE kind = ?")) {
            statement.setString(1, kind);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    existing.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        }
        // The links of this kind are replaced by assignAll in the same transaction.
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE area SET name = ?, population = ?, geom = ?, updated_at = ? WHERE id = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO area (id, kind, code, name, population, geom) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement delete = connection.prepareStatement("DELETE FROM area WHERE id = ?")) {
            for (Map.Entry<String, Geometry> entry : byCode.entrySet()) {
                String code = entry.getKey();
                Long population = populationByCode.get(code);
                UUID id = existing.remove(code);
                if (id != null) {
                    update.setString(1, code);
                    update.setObject(2, population);
                    update.setObject(3, entry.getValue());
                    update.setObject(4, OffsetDateTime.now());
                    update.setObject(5, id);
                    update.executeUpdate();
                    ChangeLog.record(connection, SyncEntity.AREA, id, ChangeOperation.UPSERT);
                } else {
                    UUID created = UUID.randomUUID();
                    insert.setObject(1, created);
                    insert.setString(2, kind);
                    insert.setString(3, code);
                    insert.setString(4, code);
                    insert.setObject(5, population);
                    insert.setObject(6, entry.getValue());
                    insert.executeUpdate();
                    ChangeLog.record(connection, SyncEntity.AREA, created, ChangeOperation.UPSERT);
                }
            }
            for (UUID gone : existing.values()) {
                delete.setObject(1, gone);
                delete.executeUpdate();
                ChangeLog.record(connection, SyncEntity.AREA, gone, ChangeOperation.DELETE);
            }
        }
    }

    /** Assigns every located incident to its area of this kind (none if the kind has no areas left); returns how many got one. */
    private long assignAll(Connection connection, String kind, TaskContext context) throws SQLException {
        AreaLocator locator = locators(connection).stream().filter(l -> l.kind().equals(kind)).findFirst().orElse(null);
        return IncidentBlocks.relinkKind(connection, kind, locator == null ? null : lookup(locator), context);
    }

    private static IncidentBlocks.AreaLookup lookup(AreaLocator locator) {
        UUID[] ids = new UUID[locator.size()];
        for (int a = 0; a < ids.length; a++) {
            ids[a] = locator.areaId(a);
        }
        return new IncidentBlocks.AreaLookup() {
            @Override
            public UUID[] areaIds() {
                return ids;
            }

            @Override
            public int locate(double lon, double lat) {
                return locator.locate(lon, lat);
            }
        };
    }

    /**
     * Derives the area links of incidents and areas a sync pull wrote (links are not synced, ADR 0092): every
     * incident is linked again for the area kinds the pull changed, the pulled incidents for all other kinds.
     * Runs on the pull's connection, in its transaction.
     */
    public void linkPulled(Connection connection, Collection<UUID> incidentIds, Set<String> areaKinds)
            throws SQLException {
        for (String kind : areaKinds) {
            assignAll(connection, kind, TaskContext.NONE);
        }
        List<AreaLocator> others = locators(connection).stream().filter(l -> !areaKinds.contains(l.kind())).toList();
        if (incidentIds.isEmpty() || others.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(incidentIds);
        try (PreparedStatement unlink = connection.prepareStatement("DELETE FROM incident_area WHERE incident_id = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO incident_area (incident_id, kind, area_id) VALUES (?, ?, ?)")) {
            for (int from = 0; from < ids.size(); from += 1000) {
                List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 1000));
                for (UUID id : part) {
                    unlink.setObject(1, id);
                    unlink.addBatch();
                }
                unlink.executeBatch();
                // Pulled ids a local row already held are not in the table: the query simply does not return them.
                try (PreparedStatement located = connection.prepareStatement("SELECT id, lon, lat FROM incident "
                        + "WHERE lon IS NOT NULL AND id IN (" + String.join(", ", Collections.nCopies(part.size(), "?"))
                        + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        located.setObject(i + 1, part.get(i));
                    }
                    try (ResultSet rs = located.executeQuery()) {
                        while (rs.next()) {
                            for (AreaLocator locator : others) {
                                int area = locator.locate(rs.getDouble(2), rs.getDouble(3));
                                if (area >= 0) {
                                    insert.setObject(1, rs.getObject(1, UUID.class));
                                    insert.setString(2, locator.kind());
                                    insert.setObject(3, locator.areaId(area));
                                    insert.addBatch();
                                }
                            }
                        }
                    }
                }
                insert.executeBatch();
            }
        }
    }

    /** A locator per area kind, for the importer's point-in-polygon assignment. */
    public List<AreaLocator> locators() {
        return database.withConnection(AreaService::locators);
    }

    private static List<AreaLocator> locators(Connection connection) throws SQLException {
        Map<String, List<AreaLocator.Area>> byKind = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT kind, id, geom FROM area ORDER BY kind, code")) {
            while (rs.next()) {
                Geometry geometry = (Geometry) rs.getObject(3);
                byKind.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new AreaLocator.Area(rs.getObject(2, UUID.class), geometry));
            }
        }
        List<AreaLocator> locators = new ArrayList<>();
        byKind.forEach((kind, list) -> locators.add(new AreaLocator(kind, list)));
        return locators;
    }

    public List<AreaInfo> list() {
        return database.withConnection(connection -> {
            List<AreaInfo> result = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT id, kind, code, name, population FROM area ORDER BY kind, name")) {
                while (rs.next()) {
                    long population = rs.getLong(5);
                    result.add(new AreaInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.wasNull() ? null : population));
                }
            }
            return result;
        });
    }
}

package org.khareetaty.charts;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.khareetaty.store.Database;

/** What the charts need to know besides counts: the dates the data covers, category labels, the areas. */
public final class ChartCatalog {

    private final Database database;

    public ChartCatalog(Database database) {
        this.database = database;
    }

    /** The first and last local date of any incident; empty when no incidents are loaded. */
    public Optional<DateWindow> dataExtent() {
        return database.withConnection(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT MIN(local_date), MAX(local_date) FROM incident")) {
                rs.next();
                Date first = rs.getDate(1);
                Date last = rs.getDate(2);
                return first == null ? Optional.<DateWindow>empty()
                        : Optional.of(new DateWindow(first.toLocalDate(), last.toLocalDate()));
            }
        });
    }

    public CategoryCatalog categories() {
        return database.withConnection(connection -> {
            Map<String, CategoryInfo> byCode = new HashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT code, label, category_group FROM category")) {
                while (rs.next()) {
                    byCode.put(rs.getString(1), new CategoryInfo(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return new CategoryCatalog(byCode);
        });
    }

    /** Area kinds with how many areas each has, fewest first. */
    public Map<String, Integer> areaKinds() {
        return database.withConnection(connection -> {
            Map<String, Integer> kinds = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT kind, COUNT(*) FROM area GROUP BY kind ORDER BY COUNT(*), kind")) {
                while (rs.next()) {
                    kinds.put(rs.getString(1), rs.getInt(2));
                }
            }
            return kinds;
        });
    }

    /**
     * The agency's own areas, compared by default: the kind with the fewest areas (police districts rather than
     * census tracts, governorates rather than blocks), ignoring a kind with a single area (the whole city).
     */
    public Optional<String> defaultAreaKind() {
        Map<String, Integer> kinds = areaKinds();
        return kinds.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).findFirst()
                .or(() -> kinds.keySet().stream().findFirst());
    }

    public List<AreaInfo> areas(String kind) {
        return database.withConnection(connection -> {
            List<AreaInfo> areas = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, kind, code, name, population FROM area WHERE kind = ? ORDER BY code")) {
                statement.setString(1, kind);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        areas.add(read(rs));
                    }
                }
            }
            return areas;
        });
    }

    /** The areas with these ids (any kind); unknown ids are left out. */
    public List<AreaInfo> areas(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return database.withConnection(connection -> {
            List<AreaInfo> areas = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, kind, code, name, population FROM area WHERE id = ANY(?) ORDER BY kind, code")) {
                statement.setArray(1, connection.createArrayOf("UUID", ids.toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        areas.add(read(rs));
                    }
                }
            }
            return areas;
        });
    }

    private static AreaInfo read(ResultSet rs) throws java.sql.SQLException {
        long population = rs.getLong(5);
        Long populationValue = rs.wasNull() ? null : population;
        return new AreaInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                populationValue);
    }
}

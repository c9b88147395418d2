package org.khareetaty.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.store.Database;
import picocli.CommandLine.Option;

/** The shared incident filter as command-line options: a local-date window, categories and areas. */
public final class FilterOptions {

    @Option(names = "--from", paramLabel = "DATE", description = "First local day (yyyy-mm-dd), inclusive")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last local day (yyyy-mm-dd), inclusive")
    LocalDate to;

    @Option(names = "--category", paramLabel = "C", description = "Only this category code (repeatable)")
    List<String> categories = new ArrayList<>();

    @Option(names = "--area", paramLabel = "A",
            description = "Only incidents in this area: its id, code, name or kind:code (repeatable)")
    List<String> areas = new ArrayList<>();

    /** The filter, with area names resolved against the database. */
    public IncidentFilter toFilter(Database database) {
        Set<UUID> areaIds = new LinkedHashSet<>();
        for (String area : areas) {
            areaIds.add(resolveArea(database, area));
        }
        return new IncidentFilter(from, to, Set.copyOf(categories), areaIds, null);
    }

    private static UUID resolveArea(Database database, String text) {
        return database.withConnection(connection -> {
            String kind = null;
            String code = text;
            int colon = text.indexOf(':');
            if (colon > 0) {
                kind = text.substring(0, colon);
                code = text.substring(colon + 1);
            }
            try (java.sql.PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, kind, code FROM area WHERE (CAST(id AS VARCHAR) = ? OR code = ? OR LOWER(name) = LOWER(?)) "
                            + "AND (? IS NULL OR kind = ?) ORDER BY kind, code")) {
                statement.setString(1, text);
                statement.setString(2, code);
                statement.setString(3, code);
                statement.setString(4, kind);
                statement.setString(5, kind);
                try (java.sql.ResultSet rs = statement.executeQuery()) {
                    List<UUID> ids = new ArrayList<>();
                    List<String> names = new ArrayList<>();
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                        names.add(rs.getString(2) + ":" + rs.getString(3));
                    }
                    if (ids.isEmpty()) {
                        throw new IllegalArgumentException("--area " + text + ": no such area (give its id, code, name or kind:code)");
                    }
                    if (ids.size() > 1) {
                        throw new IllegalArgumentException("--area " + text + " is ambiguous: " + String.join(", ", names)
                                + " (use kind:code)");
                    }
                    return ids.get(0);
                }
            }
        });
    }
}

package org.khareetaty.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * How the columns of a source file become incidents: which column holds the key, the time, the location,
 * the category and the address, in which time zone local times are, and the agency's extent. Columns are
 * named as in the file's header (case-insensitive). Saved as JSON in {@code mapping_profile}.
 *
 * @param delimiter      field separator, or null to detect it
 * @param encoding       character set name, or null to detect it (BOM, valid UTF-8, else windows-1256)
 * @param idColumn       the agency's incident key; null means de-duplicate by a hash of the row's content
 * @param dateTimeColumn one column with date and time (with or without offset); or use dateColumn + timeColumn
 * @param dateTimePattern a java.time pattern for unusual formats; null tries ISO-like and M/d/yyyy forms
 * @param timeZone       the zone local times are in (and the zone of the derived local date, hour, weekday)
 * @param extent         incidents outside this longitude/latitude box are quarantined; null accepts any valid point
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MappingProfile(
        String name,
        String description,
        String delimiter,
        String encoding,
        String idColumn,
        String dateTimeColumn,
        String dateColumn,
        String timeColumn,
        String dateTimePattern,
        String timeZone,
        Location location,
        String categoryColumn,
        String addressColumn,
        Extent extent) {

    /** How a row's location is given. */
    public enum LocationKind {
        /** Longitude and latitude columns in WGS 84 degrees. */
        LON_LAT,
        /** X and Y columns in a projected CRS given by EPSG code. */
        XY,
        /** One column of hex WKB or EWKB (the SRID in EWKB wins over {@code epsg}). */
        WKB,
        /** One column of WKT or EWKT. */
        WKT,
        /** The feature's own geometry (GeoJSON, Shapefile). */
        FEATURE,
        /** No location in the source. */
        NONE
    }

    /** Where the location comes from; {@code epsg} applies to XY, WKB without SRID and WKT without SRID. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(LocationKind kind, String xColumn, String yColumn, String geometryColumn, Integer epsg) {
        public static Location lonLat(String lon, String lat) {
            return new Location(LocationKind.LON_LAT, lon, lat, null, 4326);
        }

        public static Location none() {
            return new Location(LocationKind.NONE, null, null, null, null);
        }
    }

    /** A longitude/latitude box (WGS 84). */
    public record Extent(double minLon, double minLat, double maxLon, double maxLat) {
        public boolean contains(double lon, double lat) {
            return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
        }
    }

    public MappingProfile withName(String newName) {
        return new MappingProfile(newName, description, delimiter, encoding, idColumn, dateTimeColumn, dateColumn,
                timeColumn, dateTimePattern, timeZone, location, categoryColumn, addressColumn, extent);
    }

    public MappingProfile withColumns(String id, String dateTime, String date, String time, Location newLocation,
            String category, String address) {
        return new MappingProfile(name, description, delimiter, encoding, id, dateTime, date, time, dateTimePattern,
                timeZone, newLocation, category, address, extent);
    }

    public MappingProfile withTimeZone(String zone) {
        return new MappingProfile(name, description, delimiter, encoding, idColumn, dateTimeColumn, dateColumn,
                timeColumn, dateTimePattern, zone, location, categoryColumn, addressColumn, extent);
    }

    public MappingProfile withExtent(Extent newExtent) {
        return new MappingProfile(name, description, delimiter, encoding, idColumn, dateTimeColumn, dateColumn,
                timeColumn, dateTimePattern, timeZone, location, categoryColumn, addressColumn, newExtent);
    }

    public MappingProfile withDateTimePattern(String pattern) {
        return new MappingProfile(name, description, delimiter, encoding, idColumn, dateTimeColumn, dateColumn,
                timeColumn, pattern, timeZone, location, categoryColumn, addressColumn, extent);
    }

    /** The columns this mapping reads, for checking that a file has them. */
    public List<String> requiredColumns() {
        List<String> columns = new ArrayList<>();
        addIfSet(columns, idColumn);
        addIfSet(columns, dateTimeColumn);
        addIfSet(columns, dateColumn);
        addIfSet(columns, timeColumn);
        addIfSet(columns, categoryColumn);
        addIfSet(columns, addressColumn);
        if (location != null) {
            addIfSet(columns, location.xColumn());
            addIfSet(columns, location.yColumn());
            addIfSet(columns, location.geometryColumn());
        }
        return columns;
    }

    private static void addIfSet(List<String> columns, String column) {
        if (column != null && !column.isBlank()) {
            columns.add(column);
        }
    }

    /** Problems that make the mapping unusable, in words for the user; empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        boolean oneColumn = dateTimeColumn != null && !dateTimeColumn.isBlank();
        boolean apart = dateColumn != null && !dateColumn.isBlank();
        if (!oneColumn && !apart) {
            problems.add("Choose the date/time column (or a date column and a time column).");
        }
        if (categoryColumn == null || categoryColumn.isBlank()) {
            problems.add("Choose the category column.");
        }
        if (timeZone == null || timeZone.isBlank()) {
            problems.add("Choose the time zone of the source's local times.");
        } else {
            try {
                java.time.ZoneId.of(timeZone);
            } catch (java.time.DateTimeException e) {
                problems.add("Unknown time zone '" + timeZone + "'.");
            }
        }
        if (location != null) {
            switch (location.kind()) {
                case LON_LAT, XY -> {
                    if (location.xColumn() == null || location.yColumn() == null) {
                        problems.add("Choose both coordinate columns.");
                    }
                    if (location.kind() == LocationKind.XY && location.epsg() == null) {
                        problems.add("Give the EPSG code of the projected coordinates.");
                    }
                }
                case WKB, WKT -> {
                    if (location.geometryColumn() == null) {
                        problems.add("Choose the geometry column.");
                    }
                }
                default -> {
                }
            }
        }
        return problems;
    }
}

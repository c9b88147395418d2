package org.khareetaty.ingest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Validates and types one source row against a mapping: key (or content hash), instant and local fields,
 * category, location and areas. Accepted rows go into the chunk's columns; rejected ones become quarantine
 * entries naming the line, field, value and reason. One instance per parsing thread.
 */
final class RowParser {

    private static final long EARLIEST = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
    private static final int MAX_VALUE_LENGTH = 1000;
    private static final HexFormat HEX = HexFormat.of();

    private final MappingProfile mapping;
    private final String fileName;
    private final int idColumn;
    private final int dateTimeColumn;
    private final int dateColumn;
    private final int timeColumn;
    private final int categoryColumn;
    private final int addressColumn;
    private final int xColumn;
    private final int yColumn;
    private final int geometryColumn;
    private final MappingProfile.LocationKind locationKind;
    private final int epsg;
    private final int headerFields;
    private final TimeParser timeParser;
    private final TimeParser.Result time = new TimeParser.Result();
    private final ZoneOffsetCache offsets;
    private final CategoryCache categoryCache = new CategoryCache();
    private final GeometryCodec geometry = new GeometryCodec();
    private final GeometryCodec.Point point = new GeometryCodec.Point();
    private final CategoryMapper categories;
    private final List<AreaLocator> locators;
    private final long latest;
    private final StringBuilder content = new StringBuilder(256);

    RowParser(MappingProfile mapping, List<String> header, String fileName, CategoryMapper categories,
            List<AreaLocator> locators, Instant now) {
        this.mapping = mapping;
        this.fileName = fileName;
        this.headerFields = header.size();
        this.idColumn = column(header, mapping.idColumn());
        this.dateTimeColumn = column(header, mapping.dateTimeColumn());
        this.dateColumn = column(header, mapping.dateColumn());
        this.timeColumn = column(header, mapping.timeColumn());
        this.categoryColumn = column(header, mapping.categoryColumn());
        this.addressColumn = column(header, mapping.addressColumn());
        MappingProfile.Location location = mapping.location() == null ? MappingProfile.Location.none() : mapping.location();
        this.locationKind = location.kind();
        this.xColumn = column(header, location.xColumn());
        this.yColumn = column(header, location.yColumn());
        this.geometryColumn = column(header, location.geometryColumn());
        this.epsg = location.epsg() == null ? 4326 : location.epsg();
        ZoneId zone = ZoneId.of(mapping.timeZone());
        this.timeParser = new TimeParser(zone, mapping.dateTimePattern());
        this.offsets = new ZoneOffsetCache(zone.getRules());
        this.categories = categories;
        this.locators = locators;
        this.latest = now.getEpochSecond() + 86400;
        if (locationKind == MappingProfile.LocationKind.XY) {
            geometry.requireSupported(epsg);
        }
    }

    /** The index of a named column (case-insensitive, trimmed), or -1 when not mapped; throws when missing. */
    static int column(List<String> header, String name) {
        if (name == null || name.isBlank()) {
            return -1;
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        throw new ImportException("The file has no column '" + name + "' (columns: " + String.join(", ", header) + ")");
    }

    /** Parses one row into the chunk, or adds a quarantine entry to it. */
    void parse(SourceRow row, IncidentChunk chunk) {
        chunk.rowsRead++;
        QuarantineReason problem = row.readProblem();
        if (problem != null) {
            quarantine(chunk, row, null, null, problem, problem.description());
            return;
        }
        if (headerFields > 0 && row.fieldCount() != headerFields) {
            quarantine(chunk, row, null, null, QuarantineReason.WRONG_FIELD_COUNT,
                    "expected " + headerFields + " fields, found " + row.fieldCount());
            return;
        }
        int i = chunk.size;
        if (!parseTime(row, chunk, i)) {
            return;
        }
        CategoryCache.Entry category = categoryCache.get(row, categoryColumn);
        if (category == null) {
            String text = row.isBlank(categoryColumn) ? null : row.field(categoryColumn).strip();
            category = categoryCache.put(row, categoryColumn, text, text == null ? null : categories.codeFor(text));
        }
        String categoryText = category.text();
        if (categoryText == null) {
            quarantine(chunk, row, mapping.categoryColumn(), "", QuarantineReason.MISSING_FIELD, "the category is empty");
            return;
        }
        if (badEncoding(categoryText)) {
            quarantine(chunk, row, mapping.categoryColumn(), categoryText, QuarantineReason.BAD_ENCODING,
                    "the category has characters that are not valid in the file's character set");
            return;
        }
        if (!parseLocation(row, chunk, i)) {
            return;
        }
        String address = addressColumn < 0 || row.isBlank(addressColumn) ? null : row.field(addressColumn).strip();
        String key;
        if (idColumn >= 0) {
            if (row.isBlank(idColumn)) {
                quarantine(chunk, row, mapping.idColumn(), "", QuarantineReason.MISSING_FIELD, "the incident key is empty");
                return;
            }
            key = row.field(idColumn).strip();
        } else {
            key = contentKey(row, categoryText, address, chunk.lon[i], chunk.lat[i], chunk.epochSecond[i]);
        }
        chunk.sourceKey[i] = key;
        chunk.sourceHash[i] = Hashing.hash64(key, 0);
        chunk.line[i] = row.line();
        chunk.categorySource[i] = categoryText;
        chunk.category[i] = category.code();
        chunk.address[i] = address;
        for (int k = 0; k < locators.size(); k++) {
            chunk.area[k][i] = locators.get(k).locate(chunk.lon[i], chunk.lat[i]);
        }
        chunk.size++;
    }

    private boolean parseTime(SourceRow row, IncidentChunk chunk, int i) {
        boolean parsed;
        String field;
        String value;
        if (dateTimeColumn >= 0) {
            field = mapping.dateTimeColumn();
            if (row.isBlank(dateTimeColumn)) {
                quarantine(chunk, row, field, "", QuarantineReason.MISSING_FIELD, "the date/time is empty");
                return false;
            }
            parsed = timeParser.parse(row.text(), row.start(dateTimeColumn), row.end(dateTimeColumn), row.charset(), time);
            value = parsed ? null : row.field(dateTimeColumn);
        } else {
            field = mapping.dateColumn();
            if (row.isBlank(dateColumn)) {
                quarantine(chunk, row, field, "", QuarantineReason.MISSING_FIELD, "the date is empty");
                return false;
            }
            value = row.field(dateColumn);
            String timeText = timeColumn >= 0 ? row.field(timeColumn) : "";
            parsed = timeParser.parse(value, timeText, time);
            if (!timeText.isBlank()) {
                value = value + " " + timeText;
            }
        }
        if (!parsed) {
            quarantine(chunk, row, field, value, QuarantineReason.BAD_DATE, "cannot read '" + cut(value) + "' as a date/time");
            return false;
        }
        if (time.epochSecond < EARLIEST || time.epochSecond > latest) {
            value = value != null ? value : row.field(dateTimeColumn);
            quarantine(chunk, row, field, value, QuarantineReason.IMPOSSIBLE_DATE,
                    "the date " + cut(value) + " is before 1900 or in the future");
            return false;
        }
        long seconds = time.epochSecond;
        int offset = offsets.offsetSeconds(seconds);
        long local = seconds + offset;
        long day = Math.floorDiv(local, 86400L);
        chunk.epochSecond[i] = seconds;
        chunk.timeFlag[i] = time.flag;
        chunk.epochDay[i] = (int) day;
        chunk.hour[i] = (byte) (Math.floorMod(local, 86400L) / 3600);
        chunk.dow[i] = (byte) (Math.floorMod(day + 3, 7L) + 1);
        return true;
    }

    private boolean parseLocation(SourceRow row, IncidentChunk chunk, int i) {
        chunk.lon[i] = Double.NaN;
        chunk.lat[i] = Double.NaN;
        boolean ok;
        switch (locationKind) {
            case NONE:
                return true;
            case FEATURE:
                if (Double.isNaN(row.featureLon())) {
                    return true;
                }
                point.lon = row.featureLon();
                point.lat = row.featureLat();
                ok = true;
                break;
            case LON_LAT:
            case XY:
                if (row.isBlank(xColumn) && row.isBlank(yColumn)) {
                    return true;  // no location given: accepted, counted as not located
                }
                ok = parseXy(number(row, xColumn), number(row, yColumn));
                break;
            case WKB:
            case WKT:
                if (row.isBlank(geometryColumn)) {
                    return true;
                }
                ok = locationKind == MappingProfile.LocationKind.WKB ? decodeHexWkb(row)
                        : geometry.decodeWkt(row.field(geometryColumn).strip(), epsg, point);
                break;
            default:
                throw new IllegalStateException("Unknown location kind " + locationKind);
        }
        if (!ok || point.lon < -180 || point.lon > 180 || point.lat < -90 || point.lat > 90) {
            quarantine(chunk, row, locationField(), locationValue(row), QuarantineReason.BAD_COORDINATES,
                    "cannot read '" + cut(locationValue(row)) + "' as a location in range");
            return false;
        }
        if (point.lon == 0 && point.lat == 0) {
            quarantine(chunk, row, locationField(), locationValue(row), QuarantineReason.ZERO_COORDINATES,
                    "the location is (0, 0)");
            return false;
        }
        MappingProfile.Extent extent = mapping.extent();
        if (extent != null && !extent.contains(point.lon, point.lat)) {
            quarantine(chunk, row, locationField(), locationValue(row), QuarantineReason.OUTSIDE_EXTENT,
                    String.format(Locale.ROOT, "(%.5f, %.5f) is outside the agency's extent", point.lon, point.lat));
            return false;
        }
        chunk.lon[i] = point.lon;
        chunk.lat[i] = point.lat;
        return true;
    }

    /** A coordinate column's number: read from the bytes when it is a plain decimal, else parsed as text (NaN: not a number). */
    private static double number(SourceRow row, int column) {
        double value = AsciiText.parseDecimal(row.text(), row.start(column), row.end(column));
        if (!Double.isNaN(value)) {
            return value;
        }
        try {
            return Double.parseDouble(row.field(column).strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private boolean decodeHexWkb(SourceRow row) {
        byte[] text = row.text();
        int start = row.start(geometryColumn);
        int end = row.end(geometryColumn);
        while (start < end && AsciiText.isWhitespace(text[start])) {
            start++;
        }
        while (end > start && AsciiText.isWhitespace(text[end - 1])) {
            end--;
        }
        // Hex is ASCII; a field with other characters at its ends (Unicode spaces) takes the text path.
        if (start < end && text[start] >= 0 && text[end - 1] >= 0) {
            return geometry.decodeHexWkb(text, start, end, epsg, point);
        }
        return geometry.decodeHexWkb(row.field(geometryColumn).strip(), epsg, point);
    }

    /** The mapped location column(s), for a quarantine entry. */
    private String locationField() {
        return switch (locationKind) {
            case FEATURE -> "geometry";
            case LON_LAT, XY -> mapping.location().xColumn() + "," + mapping.location().yColumn();
            default -> mapping.location().geometryColumn();
        };
    }

    /** The location as the source gave it, for a quarantine entry. */
    private String locationValue(SourceRow row) {
        return switch (locationKind) {
            case FEATURE -> row.featureLon() + " " + row.featureLat();
            case LON_LAT, XY -> row.field(xColumn) + "," + row.field(yColumn);
            default -> row.field(geometryColumn).strip();
        };
    }

    private boolean parseXy(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        if (locationKind == MappingProfile.LocationKind.LON_LAT) {
            point.lon = a;
            point.lat = b;
            return Double.isFinite(a) && Double.isFinite(b);
        }
        return geometry.toLonLat(a, b, epsg, point);
    }

    private String contentKey(SourceRow row, String category, String address, double lon, double lat, long seconds) {
        content.setLength(0);
        content.append(seconds).append('|').append(category).append('|').append(address).append('|')
                .append(lon).append('|').append(lat);
        return "h:" + HEX.toHexDigits(Hashing.hash64(content, 1)) + HEX.toHexDigits(Hashing.hash64(content, 2));
    }

    private static boolean badEncoding(String text) {
        return text.indexOf('\uFFFD') >= 0;
    }

    private void quarantine(IncidentChunk chunk, SourceRow row, String field, String value, QuarantineReason reason,
            String message) {
        chunk.quarantined.add(new QuarantineEntry(fileName, row.line(), field, value == null ? null : cut(value),
                reason, message, row.rawText()));
    }

    private static String cut(String value) {
        return value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) + "…" : value;
    }
}

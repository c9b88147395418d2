package org.khareetaty.ingest;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Guesses a mapping for a file in an unknown layout from its column names and first rows: the key, the
 * date/time (one column or date and time apart), the location (lon/lat, hex WKB or WKT), the category and
 * the address. The wizard shows the guess for the analyst to correct.
 */
public final class ColumnDetector {

    private static final Pattern ID = Pattern.compile("(?i).*(dc_key|incident_?id|incident_?no|case_?(no|number|id)|report_?(no|number)|^id$|^key$|uid).*");
    private static final Pattern DATETIME = Pattern.compile("(?i).*(date_?time|timestamp|occurred|reported_?at|dispatch_date_time|^datetime$|^time_?stamp$).*");
    private static final Pattern DATE = Pattern.compile("(?i).*date.*");
    private static final Pattern TIME = Pattern.compile("(?i).*(time|hour).*");
    private static final Pattern LON = Pattern.compile("(?i)^(lon|lng|long|longitude|point_x|x_?coord.*|x)$");
    private static final Pattern LAT = Pattern.compile("(?i)^(lat|latitude|point_y|y_?coord.*|y)$");
    private static final Pattern CATEGORY = Pattern.compile("(?i).*(incident_?type|text_general_code|category|offen[cs]e|crime_?type|crime|type|description|nature).*");
    private static final Pattern ADDRESS = Pattern.compile("(?i).*(address|location_block|block|street|zone|location).*");
    private static final Pattern HEX_POINT = Pattern.compile("(?i)^0[01]0[01]0000[0-9a-f]{16,}$");

    private ColumnDetector() {
    }

    /** The best guess for these columns and sample rows (each row's values in header order). */
    public static MappingProfile detect(List<String> header, List<List<String>> samples, ZoneId defaultZone) {
        String id = first(header, ID, null);
        String dateTime = null;
        for (String column : header) {
            if (DATETIME.matcher(column).matches() && parses(column, header, samples, defaultZone)) {
                dateTime = column;
                break;
            }
        }
        String date = null;
        String time = null;
        if (dateTime == null) {
            for (String column : header) {
                if (DATE.matcher(column).matches() && parses(column, header, samples, defaultZone)) {
                    date = column;
                    break;
                }
            }
            if (date != null) {
                String dateColumn = date;
                time = header.stream().filter(c -> !c.equals(dateColumn) && TIME.matcher(c).matches()).findFirst().orElse(null);
            }
        }
        MappingProfile.Location location = detectLocation(header, samples);
        String category = first(header, CATEGORY, null);
        String address = first(header, ADDRESS, category);
        return new MappingProfile("detected", "Detected from the file's columns", null, null, id, dateTime, date, time,
                null, defaultZone.getId(), location, category, address, null);
    }

    private static MappingProfile.Location detectLocation(List<String> header, List<List<String>> samples) {
        String lon = first(header, LON, null);
        String lat = first(header, LAT, null);
        if (lon != null && lat != null) {
            if (numericIn(header, samples, lon, -180, 180) && numericIn(header, samples, lat, -90, 90)) {
                return MappingProfile.Location.lonLat(lon, lat);
            }
            return new MappingProfile.Location(MappingProfile.LocationKind.XY, lon, lat, null, null);
        }
        for (int i = 0; i < header.size(); i++) {
            String value = sampleValue(samples, i);
            if (value != null && HEX_POINT.matcher(value).matches()) {
                return new MappingProfile.Location(MappingProfile.LocationKind.WKB, null, null, header.get(i), 4326);
            }
            if (value != null && value.toUpperCase(Locale.ROOT).matches("^(SRID=\\d+;)?POINT\\s*\\(.*")) {
                return new MappingProfile.Location(MappingProfile.LocationKind.WKT, null, null, header.get(i), 4326);
            }
        }
        return MappingProfile.Location.none();
    }

    private static String sampleValue(List<List<String>> samples, int column) {
        for (List<String> row : samples) {
            if (column < row.size() && !row.get(column).isBlank()) {
                return row.get(column).strip();
            }
        }
        return null;
    }

    private static boolean numericIn(List<String> header, List<List<String>> samples, String column, double min, double max) {
        int index = header.indexOf(column);
        int checked = 0;
        for (List<String> row : samples) {
            if (index < row.size() && !row.get(index).isBlank()) {
                try {
                    double v = Double.parseDouble(row.get(index).strip());
                    if (v < min || v > max) {
                        return false;
                    }
                    checked++;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return checked > 0 || samples.isEmpty();
    }

    private static boolean parses(String column, List<String> header, List<List<String>> samples, ZoneId zone) {
        int index = header.indexOf(column);
        TimeParser parser = new TimeParser(zone, null);
        TimeParser.Result result = new TimeParser.Result();
        int ok = 0;
        int tried = 0;
        for (List<String> row : samples) {
            if (index < row.size() && !row.get(index).isBlank()) {
                tried++;
                if (parser.parse(row.get(index), result)) {
                    ok++;
                }
            }
        }
        return tried == 0 || ok * 2 > tried;
    }

    private static String first(List<String> header, Pattern pattern, String except) {
        return header.stream().filter(c -> !c.equals(except) && pattern.matcher(c.strip()).matches()).findFirst().orElse(null);
    }

    /** A short description of what each column holds, judged from the sample rows. */
    public static List<String> columnTypes(List<String> header, List<List<String>> samples) {
        TimeParser parser = new TimeParser(ZoneId.of("UTC"), null);
        TimeParser.Result result = new TimeParser.Result();
        List<String> types = new java.util.ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            int filled = 0;
            int numbers = 0;
            int times = 0;
            int hex = 0;
            int wkt = 0;
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (List<String> row : samples) {
                String value = i < row.size() ? row.get(i).strip() : "";
                if (value.isEmpty()) {
                    continue;
                }
                filled++;
                if (HEX_POINT.matcher(value).matches()) {
                    hex++;
                } else if (value.toUpperCase(Locale.ROOT).matches("^(SRID=\\d+;)?POINT\\s*\\(.*")) {
                    wkt++;
                } else if (parser.parse(value, result)) {
                    times++;
                } else {
                    try {
                        double v = Double.parseDouble(value);
                        numbers++;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    } catch (NumberFormatException e) {
                        // text
                    }
                }
            }
            String type;
            if (filled == 0) {
                type = "empty";
            } else if (hex * 2 > filled) {
                type = "point (hex WKB)";
            } else if (wkt * 2 > filled) {
                type = "point (WKT)";
            } else if (times * 2 > filled) {
                type = "date/time";
            } else if (numbers == filled) {
                type = min >= -180 && max <= 180 && (min < -90 || max > 90) ? "number (longitude?)"
                        : min >= -90 && max <= 90 && min != Math.floor(min) ? "number (lat/lon?)" : "number";
            } else {
                type = "text";
            }
            types.add(type);
        }
        return types;
    }

    /** The saved or shipped profile whose columns all exist in the header (the most specific), if any. */
    public static MappingProfile matchingProfile(List<String> header, Map<String, MappingProfile> profiles) {
        MappingProfile best = null;
        int bestColumns = 0;
        for (MappingProfile profile : profiles.values()) {
            List<String> required = profile.requiredColumns();
            boolean all = required.stream().allMatch(c -> header.stream().anyMatch(h -> h.strip().equalsIgnoreCase(c)));
            if (all && required.size() > bestColumns) {
                best = profile;
                bestColumns = required.size();
            }
        }
        return best;
    }
}

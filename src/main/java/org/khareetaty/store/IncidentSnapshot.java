package org.khareetaty.store;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter;

/**
 * An immutable, columnar in-memory copy of the clean incidents, for analyses, charts and the map that
 * must answer in milliseconds on millions of rows (a SQL GROUP BY per redraw would not). Row {@code i}
 * of every array is the same incident. Built by {@link IncidentSnapshots}; never modified after that.
 */
public final class IncidentSnapshot {

    /** Area membership of every incident for one area kind (e.g. district). */
    public static final class AreaColumn {
        final String kind;
        final List<UUID> areaIds;
        final List<String> areaNames;
        final int[] areaOfIncident;

        AreaColumn(String kind, List<UUID> areaIds, List<String> areaNames, int[] areaOfIncident) {
            this.kind = kind;
            this.areaIds = List.copyOf(areaIds);
            this.areaNames = List.copyOf(areaNames);
            this.areaOfIncident = areaOfIncident;
        }

        public String kind() {
            return kind;
        }

        /** Areas of this kind; an incident's area index points into this list. */
        public List<UUID> areaIds() {
            return areaIds;
        }

        public List<String> areaNames() {
            return areaNames;
        }

        /** Index into {@link #areaIds()} of incident {@code row}, or -1 when it lies in no area of this kind. */
        public int areaIndex(int row) {
            return areaOfIncident[row];
        }

        public int indexOf(UUID areaId) {
            return areaIds.indexOf(areaId);
        }
    }

    // Package-private so that IncidentSnapshotFile can write and read the columns as they are.
    final long version;
    final int size;
    final long[] idHigh;
    final long[] idLow;
    final long[] occurredEpochSecond;
    final int[] localEpochDay;
    final byte[] localHour;
    final byte[] localDow;
    final short[] category;
    final List<String> categories;
    final double[] lon;
    final double[] lat;
    final Map<String, AreaColumn> areaColumns;
    private final LocalDate firstDay;
    private final LocalDate lastDay;

    IncidentSnapshot(long version, int size, long[] idHigh, long[] idLow, long[] occurredEpochSecond, int[] localEpochDay,
            byte[] localHour, byte[] localDow, short[] category, List<String> categories, double[] lon, double[] lat,
            Map<String, AreaColumn> areaColumns) {
        this.version = version;
        this.size = size;
        this.idHigh = idHigh;
        this.idLow = idLow;
        this.occurredEpochSecond = occurredEpochSecond;
        this.localEpochDay = localEpochDay;
        this.localHour = localHour;
        this.localDow = localDow;
        this.category = category;
        this.categories = List.copyOf(categories);
        this.lon = lon;
        this.lat = lat;
        this.areaColumns = Map.copyOf(areaColumns);
        // Once here, by a plain loop: a stream over 1.5 M days ran interpreted for hundreds of ms on the map's first paint.
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            first = Math.min(first, localEpochDay[i]);
            last = Math.max(last, localEpochDay[i]);
        }
        this.firstDay = size == 0 ? null : LocalDate.ofEpochDay(first);
        this.lastDay = size == 0 ? null : LocalDate.ofEpochDay(last);
    }

    /** Changes whenever the incidents or their areas change; equal versions mean equal content. */
    public long version() {
        return version;
    }

    public int size() {
        return size;
    }

    public UUID id(int row) {
        return new UUID(idHigh[row], idLow[row]);
    }

    public long occurredEpochSecond(int row) {
        return occurredEpochSecond[row];
    }

    /** The local calendar day as days since 1970-01-01 (see {@link LocalDate#ofEpochDay}). */
    public int localEpochDay(int row) {
        return localEpochDay[row];
    }

    public int localHour(int row) {
        return localHour[row];
    }

    /** ISO day of week, 1 = Monday ... 7 = Sunday. */
    public int localDayOfWeek(int row) {
        return localDow[row];
    }

    /** Index into {@link #categories()}. */
    public int categoryIndex(int row) {
        return category[row];
    }

    public List<String> categories() {
        return categories;
    }

    /** How many incidents of each category (by index in {@link #categories()}) the snapshot holds. */
    public int[] categoryCounts() {
        int[] counts = new int[categories.size()];
        for (int row = 0; row < size; row++) {
            counts[category[row]]++;
        }
        return counts;
    }

    public boolean isLocated(int row) {
        return !Double.isNaN(lon[row]);
    }

    /** Longitude in degrees, NaN when the incident has no usable location. */
    public double lon(int row) {
        return lon[row];
    }

    public double lat(int row) {
        return lat[row];
    }

    public Set<String> areaKinds() {
        return areaColumns.keySet();
    }

    /** The area column of a kind, or null when no areas of that kind are loaded. */
    public AreaColumn areas(String kind) {
        return areaColumns.get(kind);
    }

    /** First local day present, or null when empty. */
    public LocalDate firstDay() {
        return firstDay;
    }

    /** Last local day present, or null when empty. */
    public LocalDate lastDay() {
        return lastDay;
    }

    /** Rows that pass the filter, in ascending row order. */
    public int[] matching(IncidentFilter filter) {
        return matching(filter, false);
    }

    /** Rows that pass the filter and have a location. */
    public int[] matchingLocated(IncidentFilter filter) {
        return matching(filter, true);
    }

    private int[] matching(IncidentFilter filter, boolean locatedOnly) {
        int fromDay = filter.from() == null ? Integer.MIN_VALUE : (int) filter.from().toEpochDay();
        int toDay = filter.to() == null ? Integer.MAX_VALUE : (int) filter.to().toEpochDay();
        boolean[] categoryAllowed = null;
        if (!filter.categories().isEmpty()) {
            categoryAllowed = new boolean[categories.size()];
            for (int c = 0; c < categories.size(); c++) {
                categoryAllowed[c] = filter.categories().contains(categories.get(c));
            }
        }
        boolean[] hourAllowed = null;
        if (!filter.hours().isEmpty()) {
            hourAllowed = new boolean[24];
            for (int hour : filter.hours()) {
                hourAllowed[hour] = true;
            }
        }
        boolean[] dowAllowed = null;
        if (!filter.weekdays().isEmpty()) {
            dowAllowed = new boolean[8];   // ISO 1 = Monday ... 7 = Sunday
            for (java.time.DayOfWeek day : filter.weekdays()) {
                dowAllowed[day.getValue()] = true;
            }
        }
        List<boolean[]> areaAllowed = areaMasks(filter.areas());
        IncidentFilter.BoundingBox box = filter.selection();
        boolean needLocation = locatedOnly || box != null;

        int[] rows = new int[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            int day = localEpochDay[i];
            if (day < fromDay || day > toDay) {
                continue;
            }
            if (categoryAllowed != null && !categoryAllowed[category[i]]) {
                continue;
            }
            if (hourAllowed != null && !hourAllowed[localHour[i]]) {
                continue;
            }
            if (dowAllowed != null && !dowAllowed[localDow[i]]) {
                continue;
            }
            if (needLocation && Double.isNaN(lon[i])) {
                continue;
            }
            if (box != null && !box.contains(lon[i], lat[i])) {
                continue;
            }
            if (areaAllowed != null && !inAllowedArea(i, areaAllowed)) {
                continue;
            }
            rows[count++] = i;
        }
        return Arrays.copyOf(rows, count);
    }

    /** One mask per area column (null entries for kinds with no allowed area); null when areas are not filtered. */
    private List<boolean[]> areaMasks(Set<UUID> allowed) {
        if (allowed.isEmpty()) {
            return null;
        }
        List<boolean[]> masks = new java.util.ArrayList<>();
        for (AreaColumn column : areaColumns.values()) {
            boolean[] mask = new boolean[column.areaIds.size()];
            boolean any = false;
            for (int a = 0; a < mask.length; a++) {
                mask[a] = allowed.contains(column.areaIds.get(a));
                any |= mask[a];
            }
            masks.add(any ? mask : null);
        }
        return masks;
    }

    private boolean inAllowedArea(int row, List<boolean[]> masks) {
        int k = 0;
        for (AreaColumn column : areaColumns.values()) {
            boolean[] mask = masks.get(k++);
            if (mask != null) {
                int area = column.areaOfIncident[row];
                if (area >= 0 && mask[area]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Builds a snapshot from plain arrays, for tests and for generators that never touch the database. */
    public static Builder builder(int capacity) {
        return new Builder(capacity);
    }

    /** Accumulates rows; categories and areas are interned on the way. */
    public static final class Builder {
        private int size;
        private long[] idHigh;
        private long[] idLow;
        private long[] occurred;
        private int[] day;
        private byte[] hour;
        private byte[] dow;
        private short[] category;
        private double[] lon;
        private double[] lat;
        private final Map<String, Integer> categoryIndex = new HashMap<>();
        private final List<String> categories = new java.util.ArrayList<>();
        private final Map<String, AreaBuilder> areas = new java.util.LinkedHashMap<>();

        Builder(int capacity) {
            int c = Math.max(16, capacity);
            idHigh = new long[c];
            idLow = new long[c];
            occurred = new long[c];
            day = new int[c];
            hour = new byte[c];
            dow = new byte[c];
            category = new short[c];
            lon = new double[c];
            lat = new double[c];
        }

        /** Declares an area of a kind so incidents can refer to it by id. */
        public Builder area(String kind, UUID id, String name) {
            AreaBuilder builder = areas.computeIfAbsent(kind, k -> new AreaBuilder());
            builder.index.computeIfAbsent(id, x -> {
                builder.ids.add(id);
                builder.names.add(name);
                return builder.ids.size() - 1;
            });
            return this;
        }

        /** Adds an incident; {@code lon}/{@code lat} may be NaN; {@code areaIds} maps kind to area id. */
        public Builder add(UUID id, long occurredEpochSecond, LocalDate localDate, int localHour, String categoryCode,
                double longitude, double latitude, Map<String, UUID> areaIds) {
            int row = addRow(id.getMostSignificantBits(), id.getLeastSignificantBits(), occurredEpochSecond,
                    (int) localDate.toEpochDay(), localHour, categoryCode, longitude, latitude);
            for (Map.Entry<String, UUID> entry : areaIds.entrySet()) {
                assignArea(entry.getKey(), row, entry.getValue());
            }
            return this;
        }

        /** Adds an incident with no area yet and returns its row; see {@link #assignArea}. */
        int addRow(long idMost, long idLeast, long occurredEpochSecond, int localEpochDay, int localHour,
                String categoryCode, double longitude, double latitude) {
            ensureCapacity(size + 1);
            idHigh[size] = idMost;
            idLow[size] = idLeast;
            occurred[size] = occurredEpochSecond;
            day[size] = localEpochDay;
            hour[size] = (byte) localHour;
            dow[size] = (byte) (Math.floorMod(localEpochDay + 3, 7) + 1);   // 1970-01-01 was a Thursday (ISO 4)
            category[size] = (short) (int) categoryIndex.computeIfAbsent(categoryCode, c -> {
                categories.add(c);
                return categories.size() - 1;
            });
            lon[size] = longitude;
            lat[size] = latitude;
            return size++;
        }

        /** Puts an incident in an area declared with {@link #area}; unknown areas are ignored. */
        void assignArea(String kind, int row, UUID areaId) {
            AreaBuilder builder = areas.get(kind);
            if (builder != null && areaId != null) {
                builder.set(row, builder.index.getOrDefault(areaId, -1));
            }
        }

        private void ensureCapacity(int needed) {
            if (needed <= idHigh.length) {
                return;
            }
            int c = Math.max(needed, idHigh.length * 2);
            idHigh = Arrays.copyOf(idHigh, c);
            idLow = Arrays.copyOf(idLow, c);
            occurred = Arrays.copyOf(occurred, c);
            day = Arrays.copyOf(day, c);
            hour = Arrays.copyOf(hour, c);
            dow = Arrays.copyOf(dow, c);
            category = Arrays.copyOf(category, c);
            lon = Arrays.copyOf(lon, c);
            lat = Arrays.copyOf(lat, c);
        }

        public IncidentSnapshot build(long version) {
            Map<String, AreaColumn> columns = new java.util.LinkedHashMap<>();
            areas.forEach((kind, b) -> columns.put(kind, new AreaColumn(kind, b.ids, b.names, b.rows(size))));
            return new IncidentSnapshot(version, size, Arrays.copyOf(idHigh, size), Arrays.copyOf(idLow, size),
                    Arrays.copyOf(occurred, size), Arrays.copyOf(day, size), Arrays.copyOf(hour, size),
                    Arrays.copyOf(dow, size), Arrays.copyOf(category, size), categories, Arrays.copyOf(lon, size),
                    Arrays.copyOf(lat, size), columns);
        }

        private static final class AreaBuilder {
            private final Map<UUID, Integer> index = new HashMap<>();
            private final List<UUID> ids = new java.util.ArrayList<>();
            private final List<String> names = new java.util.ArrayList<>();
            private int[] rows = filled(16);

            private static int[] filled(int length) {
                int[] array = new int[length];
                Arrays.fill(array, -1);
                return array;
            }

            void set(int row, int area) {
                if (row >= rows.length) {
                    int old = rows.length;
                    rows = Arrays.copyOf(rows, Math.max(row + 1, old * 2));
                    Arrays.fill(rows, old, rows.length, -1);
                }
                rows[row] = area;
            }

            int[] rows(int size) {
                int[] result = filled(size);
                System.arraycopy(rows, 0, result, 0, Math.min(size, rows.length));
                return result;
            }
        }
    }
}

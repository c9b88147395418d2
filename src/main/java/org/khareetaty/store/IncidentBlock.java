package org.khareetaty.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Up to {@value #MAX_ROWS} imported incidents of one source file in columns: the unit the import writes and the
 * {@code incident} table engine decodes (ADR 0013). What is the same for the whole block (batch, file, time zone,
 * import time) lives in the block's metadata row; the id of row {@code i} is the block id with {@code i} in its
 * low 16 bits; geometry and grid cell are derived from lon/lat; the area of each kind is a column of codes into
 * the block's own list of area ids.
 */
public final class IncidentBlock {

    public static final int MAX_ROWS = 1 << 16;
    private static final int FORMAT = 2;

    public final int size;
    public final String[] sourceKey;
    public final long[] sourceHash;
    public final long[] line;
    public final long[] epochSecond;
    public final String[] timeFlag;
    public final int[] epochDay;
    public final byte[] hour;
    public final byte[] dow;
    public final String[] category;
    public final String[] categorySource;
    public final String[] address;
    /** NaN when the incident has no usable location. */
    public final double[] lon;
    public final double[] lat;
    public final String[] areaKinds;
    /** Per kind: the area ids the codes point into. */
    public final UUID[][] areaIds;
    /** Per kind and row: an index into {@link #areaIds}, or -1 when the incident lies in no area of that kind. */
    public final int[][] areaCodes;

    public IncidentBlock(int size, String[] sourceKey, long[] sourceHash, long[] line, long[] epochSecond, String[] timeFlag,
            int[] epochDay, byte[] hour, byte[] dow, String[] category, String[] categorySource, String[] address,
            double[] lon, double[] lat, String[] areaKinds, UUID[][] areaIds, int[][] areaCodes) {
        if (size > MAX_ROWS) {
            throw new IllegalArgumentException("A block holds at most " + MAX_ROWS + " rows, not " + size);
        }
        this.size = size;
        this.sourceKey = sourceKey;
        this.sourceHash = sourceHash;
        this.line = line;
        this.epochSecond = epochSecond;
        this.timeFlag = timeFlag;
        this.epochDay = epochDay;
        this.hour = hour;
        this.dow = dow;
        this.category = category;
        this.categorySource = categorySource;
        this.address = address;
        this.lon = lon;
        this.lat = lat;
        this.areaKinds = areaKinds;
        this.areaIds = areaIds;
        this.areaCodes = areaCodes;
    }

    /** The same incidents with the area column of {@code kind} replaced ({@code ids == null}: removed). */
    public IncidentBlock withAreas(String kind, UUID[] ids, int[] codes) {
        int existing = Arrays.asList(areaKinds).indexOf(kind);
        int kinds = areaKinds.length + (existing < 0 && ids != null ? 1 : 0) - (existing >= 0 && ids == null ? 1 : 0);
        String[] newKinds = new String[kinds];
        UUID[][] newIds = new UUID[kinds][];
        int[][] newCodes = new int[kinds][];
        int k = 0;
        for (int i = 0; i < areaKinds.length; i++) {
            if (i == existing) {
                continue;
            }
            newKinds[k] = areaKinds[i];
            newIds[k] = areaIds[i];
            newCodes[k++] = areaCodes[i];
        }
        if (ids != null) {
            newKinds[k] = kind;
            newIds[k] = ids;
            newCodes[k] = codes;
        }
        return new IncidentBlock(size, sourceKey, sourceHash, line, epochSecond, timeFlag, epochDay, hour, dow, category,
                categorySource, address, lon, lat, newKinds, newIds, newCodes);
    }

    /** How many (incident, kind) area links the block holds. */
    public int areaLinks() {
        int links = 0;
        for (int[] codes : areaCodes) {
            for (int i = 0; i < size; i++) {
                if (codes[i] >= 0) {
                    links++;
                }
            }
        }
        return links;
    }

    /**
     * The payload: one allocation of the exact size (blocks are ~300 KB; growing a buffer would copy them and make
     * G1 treat them as humongous). Dictionary codes and numbers take the narrowest width that holds them.
     */
    public byte[] encode() {
        Strings[] strings = {new Strings(sourceKey, size, false), new Strings(timeFlag, size), new Strings(category, size),
                new Strings(categorySource, size), new Strings(address, size)};
        Numbers lines = new Numbers(line, size);
        Numbers seconds = new Numbers(epochSecond, size);
        int bytes = 8 + size * (Long.BYTES + Integer.BYTES + 2 + 2 * Double.BYTES) + lines.bytes() + seconds.bytes() + 4;
        for (Strings column : strings) {
            bytes += column.bytes();
        }
        for (int k = 0; k < areaKinds.length; k++) {
            bytes += 4 + areaKinds[k].getBytes(StandardCharsets.UTF_8).length + 4 + areaIds[k].length * 16 + size * 2;
        }
        ByteBuffer out = ByteBuffer.allocate(bytes);
        out.putInt(FORMAT);
        out.putInt(size);
        strings[0].write(out);
        // Bulk copies, no per-value loop in this long method (a loop here costs an on-stack-replacement compile).
        putLongs(out, sourceHash);
        lines.write(out);
        seconds.write(out);
        strings[1].write(out);
        out.asIntBuffer().put(epochDay, 0, size);
        out.position(out.position() + size * Integer.BYTES);
        out.put(hour, 0, size);
        out.put(dow, 0, size);
        strings[2].write(out);
        strings[3].write(out);
        strings[4].write(out);
        putDoubles(out, lon);
        putDoubles(out, lat);
        out.putInt(areaKinds.length);
        for (int k = 0; k < areaKinds.length; k++) {
            writeString(out, areaKinds[k].getBytes(StandardCharsets.UTF_8));
            out.putInt(areaIds[k].length);
            for (UUID id : areaIds[k]) {
                out.putLong(id.getMostSignificantBits());
                out.putLong(id.getLeastSignificantBits());
            }
            putShorts(out, areaCodes[k]);
        }
        return out.array();
    }

    private void putLongs(ByteBuffer out, long[] values) {
        out.asLongBuffer().put(values, 0, size);
        out.position(out.position() + size * Long.BYTES);
    }

    private void putDoubles(ByteBuffer out, double[] values) {
        out.asDoubleBuffer().put(values, 0, size);
        out.position(out.position() + size * Double.BYTES);
    }

    private void putShorts(ByteBuffer out, int[] values) {
        for (int i = 0; i < size; i++) {
            out.putShort((short) values[i]);
        }
    }

    public static IncidentBlock decode(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        int format = in.getInt();
        if (format != 1 && format != FORMAT) {
            throw new StoreException("Incident block format " + format + " is not known to this version", null);
        }
        // Format 1 (the first landing of ADR 0013) had 4-byte codes and 8-byte lines and instants.
        boolean narrow = format >= 2;
        int n = in.getInt();
        String[] sourceKey = readStrings(in, n, narrow);
        long[] sourceHash = readLongs(in, n);
        long[] line = narrow ? Numbers.read(in, n) : readLongs(in, n);
        long[] epochSecond = narrow ? Numbers.read(in, n) : readLongs(in, n);
        String[] timeFlag = readStrings(in, n, narrow);
        int[] epochDay = new int[n];
        in.asIntBuffer().get(epochDay);
        in.position(in.position() + n * Integer.BYTES);
        byte[] hour = new byte[n];
        in.get(hour);
        byte[] dow = new byte[n];
        in.get(dow);
        String[] category = readStrings(in, n, narrow);
        String[] categorySource = readStrings(in, n, narrow);
        String[] address = readStrings(in, n, narrow);
        double[] lon = new double[n];
        in.asDoubleBuffer().get(lon);
        in.position(in.position() + n * Double.BYTES);
        double[] lat = new double[n];
        in.asDoubleBuffer().get(lat);
        in.position(in.position() + n * Double.BYTES);
        int kinds = in.getInt();
        String[] areaKinds = new String[kinds];
        UUID[][] areaIds = new UUID[kinds][];
        int[][] areaCodes = new int[kinds][n];
        for (int k = 0; k < kinds; k++) {
            areaKinds[k] = readString(in);
            areaIds[k] = new UUID[in.getInt()];
            for (int a = 0; a < areaIds[k].length; a++) {
                areaIds[k][a] = new UUID(in.getLong(), in.getLong());
            }
            for (int i = 0; i < n; i++) {
                areaCodes[k][i] = in.getShort();
            }
        }
        return new IncidentBlock(n, sourceKey, sourceHash, line, epochSecond, timeFlag, epochDay, hour, dow, category,
                categorySource, address, lon, lat, areaKinds, areaIds, areaCodes);
    }

    private static long[] readLongs(ByteBuffer in, int n) {
        long[] values = new long[n];
        in.asLongBuffer().get(values);
        in.position(in.position() + n * Long.BYTES);
        return values;
    }

    /** A column of longs as a base plus 4-byte offsets when they fit (line numbers, instants), else as they are. */
    private static final class Numbers {
        private final long[] values;
        private final int size;
        private final long base;
        private final boolean narrow;

        Numbers(long[] values, int size) {
            this.values = values;
            this.size = size;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
            this.base = size == 0 ? 0 : min;
            this.narrow = size == 0 || max - min <= Integer.MAX_VALUE && max - min >= 0;
        }

        int bytes() {
            return 1 + Long.BYTES + size * (narrow ? Integer.BYTES : Long.BYTES);
        }

        void write(ByteBuffer out) {
            out.put((byte) (narrow ? Integer.BYTES : Long.BYTES));
            out.putLong(base);
            for (int i = 0; i < size; i++) {
                if (narrow) {
                    out.putInt((int) (values[i] - base));
                } else {
                    out.putLong(values[i]);
                }
            }
        }

        static long[] read(ByteBuffer in, int n) {
            int width = in.get();
            long base = in.getLong();
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = width == Integer.BYTES ? base + (in.getInt() & 0xffffffffL) : in.getLong();
            }
            return values;
        }
    }

    /**
     * A dictionary of the values (UTF-8), then one code per row (-1 for null) of 1, 2 or 4 bytes. Equal values share
     * one entry, except in a column known to hold distinct values (source keys), which skips the look-up.
     */
    private static final class Strings {
        private final List<byte[]> dictionary = new ArrayList<>();
        private final int[] codes;
        private final int width;
        private int dictionaryBytes;

        Strings(String[] values, int size) {
            this(values, size, true);
        }

        Strings(String[] values, int size, boolean shareEqual) {
            codes = new int[size];
            // Two loops in two methods: each stays small for the compiler and sees one kind of column.
            if (shareEqual) {
                shareEqualValues(values, size);
            } else {
                keepEveryValue(values, size);
            }
            width = dictionary.size() <= Byte.MAX_VALUE ? 1 : dictionary.size() <= Short.MAX_VALUE ? 2 : 4;
        }

        private void keepEveryValue(String[] values, int size) {
            for (int i = 0; i < size; i++) {
                codes[i] = values[i] == null ? -1 : add(values[i]);
            }
        }

        /** Open addressing over the dictionary codes: no boxed codes, no map entries. */
        private void shareEqualValues(String[] values, int size) {
            int[] slots = new int[Integer.highestOneBit(Math.max(4, size) * 2 - 1) << 1];
            String[] known = new String[size];
            int mask = slots.length - 1;
            for (int i = 0; i < size; i++) {
                String value = values[i];
                if (value == null) {
                    codes[i] = -1;
                    continue;
                }
                int slot = (value.hashCode() * 0x9E3779B9 >>> 7) & mask;
                int code = -1;
                while (slots[slot] != 0) {
                    String candidate = known[slots[slot] - 1];
                    if (candidate == value || candidate.equals(value)) {
                        code = slots[slot] - 1;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
                if (code < 0) {
                    code = add(value);
                    slots[slot] = code + 1;
                    known[code] = value;
                }
                codes[i] = code;
            }
        }

        private int add(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            dictionary.add(utf8);
            dictionaryBytes += 4 + utf8.length;
            return dictionary.size() - 1;
        }

        int bytes() {
            return 4 + dictionaryBytes + 1 + codes.length * width;
        }

        void write(ByteBuffer out) {
            out.putInt(dictionary.size());
            for (byte[] utf8 : dictionary) {
                writeString(out, utf8);
            }
            out.put((byte) width);
            switch (width) {
                case 1 -> {
                    for (int code : codes) {
                        out.put((byte) code);
                    }
                }
                case 2 -> {
                    for (int code : codes) {
                        out.putShort((short) code);
                    }
                }
                default -> {
                    for (int code : codes) {
                        out.putInt(code);
                    }
                }
            }
        }
    }

    private static String[] readStrings(ByteBuffer in, int n, boolean narrow) {
        String[] dictionary = new String[in.getInt()];
        for (int c = 0; c < dictionary.length; c++) {
            dictionary[c] = readString(in);
        }
        int width = narrow ? in.get() : Integer.BYTES;
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            int code = width == 1 ? in.get() : width == 2 ? in.getShort() : in.getInt();
            values[i] = code < 0 ? null : dictionary[code];
        }
        return values;
    }

    private static void writeString(ByteBuffer out, byte[] utf8) {
        out.putInt(utf8.length);
        out.put(utf8);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    /** 42-bit Morton code of a point on a 2^21 x 2^21 world grid (about 19 m cells): a B-tree-able spatial key. */
    public static long mortonCell(double lon, double lat) {
        long x = (long) ((lon + 180.0) / 360.0 * (1 << 21));
        long y = (long) ((lat + 90.0) / 180.0 * (1 << 21));
        x = Math.max(0, Math.min((1 << 21) - 1, x));
        y = Math.max(0, Math.min((1 << 21) - 1, y));
        return spread(x) | spread(y) << 1;
    }

    private static long spread(long v) {
        long x = v & 0x1fffffL;
        x = (x | x << 32) & 0x1f00000000ffffL;
        x = (x | x << 16) & 0x1f0000ff0000ffL;
        x = (x | x << 8) & 0x100f00f00f00f00fL;
        x = (x | x << 4) & 0x10c30c30c30c30c3L;
        x = (x | x << 2) & 0x1249249249249249L;
        return x;
    }

    /** A point as little-endian EWKB with SRID 4326 (what H2GIS stores for {@code GEOMETRY(POINT, 4326)}). */
    public static byte[] pointEwkb(double lon, double lat) {
        ByteBuffer buffer = ByteBuffer.allocate(25).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 1);
        buffer.putInt(0x20000001);
        buffer.putInt(4326);
        buffer.putDouble(lon);
        buffer.putDouble(lat);
        return buffer.array();
    }
}

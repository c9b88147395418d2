package org.khareetaty.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
    private static final int FORMAT = 1;

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

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size * 96 + 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(size);
            writeStrings(out, sourceKey);
            writeLongs(out, sourceHash);
            writeLongs(out, line);
            writeLongs(out, epochSecond);
            writeStrings(out, timeFlag);
            for (int i = 0; i < size; i++) {
                out.writeInt(epochDay[i]);
            }
            out.write(hour, 0, size);
            out.write(dow, 0, size);
            writeStrings(out, category);
            writeStrings(out, categorySource);
            writeStrings(out, address);
            for (int i = 0; i < size; i++) {
                out.writeDouble(lon[i]);
            }
            for (int i = 0; i < size; i++) {
                out.writeDouble(lat[i]);
            }
            out.writeInt(areaKinds.length);
            for (int k = 0; k < areaKinds.length; k++) {
                writeString(out, areaKinds[k]);
                out.writeInt(areaIds[k].length);
                for (UUID id : areaIds[k]) {
                    out.writeLong(id.getMostSignificantBits());
                    out.writeLong(id.getLeastSignificantBits());
                }
                for (int i = 0; i < size; i++) {
                    out.writeShort(areaCodes[k][i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static IncidentBlock decode(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        int format = in.getInt();
        if (format != FORMAT) {
            throw new StoreException("Incident block format " + format + " is not known to this version", null);
        }
        int n = in.getInt();
        String[] sourceKey = readStrings(in, n);
        long[] sourceHash = readLongs(in, n);
        long[] line = readLongs(in, n);
        long[] epochSecond = readLongs(in, n);
        String[] timeFlag = readStrings(in, n);
        int[] epochDay = new int[n];
        in.asIntBuffer().get(epochDay);
        in.position(in.position() + n * Integer.BYTES);
        byte[] hour = new byte[n];
        in.get(hour);
        byte[] dow = new byte[n];
        in.get(dow);
        String[] category = readStrings(in, n);
        String[] categorySource = readStrings(in, n);
        String[] address = readStrings(in, n);
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

    private void writeLongs(DataOutputStream out, long[] values) throws IOException {
        for (int i = 0; i < size; i++) {
            out.writeLong(values[i]);
        }
    }

    private static long[] readLongs(ByteBuffer in, int n) {
        long[] values = new long[n];
        in.asLongBuffer().get(values);
        in.position(in.position() + n * Long.BYTES);
        return values;
    }

    /** A dictionary of the distinct values, then one code per row (-1 for null): categories repeat a lot. */
    private void writeStrings(DataOutputStream out, String[] values) throws IOException {
        Map<String, Integer> codes = new HashMap<>();
        int[] rowCodes = new int[size];
        String[] dictionary = new String[size];
        for (int i = 0; i < size; i++) {
            String value = values[i];
            if (value == null) {
                rowCodes[i] = -1;
                continue;
            }
            Integer code = codes.putIfAbsent(value, codes.size());
            if (code == null) {
                code = codes.size() - 1;
                dictionary[code] = value;
            }
            rowCodes[i] = code;
        }
        out.writeInt(codes.size());
        for (int c = 0; c < codes.size(); c++) {
            writeString(out, dictionary[c]);
        }
        for (int i = 0; i < size; i++) {
            out.writeInt(rowCodes[i]);
        }
    }

    private static String[] readStrings(ByteBuffer in, int n) {
        String[] dictionary = new String[in.getInt()];
        for (int c = 0; c < dictionary.length; c++) {
            dictionary[c] = readString(in);
        }
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            int code = in.getInt();
            values[i] = code < 0 ? null : dictionary[code];
        }
        return values;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
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

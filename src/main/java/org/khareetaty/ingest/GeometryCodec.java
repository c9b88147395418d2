package org.khareetaty.ingest;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.cts.CRSFactory;
import org.cts.crs.CoordinateReferenceSystem;
import org.cts.crs.GeodeticCRS;
import org.cts.op.CoordinateOperation;
import org.cts.op.CoordinateOperationFactory;
import org.cts.registry.EPSGRegistry;
import org.cts.registry.RegistryManager;

/**
 * Reads point locations from hex (E)WKB and (E)WKT without building geometry objects, and projects
 * X/Y from any EPSG code to longitude/latitude (Web Mercator by formula, others with CTS, the projection
 * library H2GIS uses). One instance per thread: projection operations are cached and not shared.
 */
final class GeometryCodec {

    private static final double EARTH_RADIUS = 6378137.0;
    private final Map<Integer, CoordinateOperation> operations = new HashMap<>();
    private CRSFactory crsFactory;

    /** Longitude and latitude of a point, or a reason why there is none. */
    static final class Point {
        double lon;
        double lat;
    }

    /** Decodes a hex (E)WKB point into lon/lat; false when the text is not a point. */
    boolean decodeHexWkb(String hex, int defaultEpsg, Point out) {
        // Characters outside Latin-1 become '?', which is no hex digit.
        return decodeHexWkb(hex.getBytes(StandardCharsets.ISO_8859_1), 0, hex.length(), defaultEpsg, out);
    }

    /** Decodes a hex (E)WKB point given as ASCII bytes straight into lon/lat, with no String in between. */
    boolean decodeHexWkb(byte[] hex, int from, int to, int defaultEpsg, Point out) {
        int n = to - from;
        if (n < 42 || (n & 1) != 0) {
            return false;
        }
        int order = hexByte(hex, from);
        if (order != 0 && order != 1) {
            return false;
        }
        boolean little = order == 1;
        long type = readUInt(hex, from + 2, little);
        boolean hasSrid = (type & 0x20000000L) != 0;
        if ((type & 0xffff) != 1) {
            return false;  // not a point
        }
        int offset = 10;
        int srid = defaultEpsg;
        if (hasSrid) {
            if (n < 50) {
                return false;
            }
            srid = (int) readUInt(hex, from + offset, little);
            offset += 8;
        }
        if (n < offset + 32) {
            return false;
        }
        double x = Double.longBitsToDouble(readLong(hex, from + offset, little));
        double y = Double.longBitsToDouble(readLong(hex, from + offset + 16, little));
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return false;  // POINT EMPTY
        }
        return toLonLat(x, y, srid, out);
    }

    /** Decodes {@code [SRID=n;]POINT (x y)}; false when the text is not a point. */
    boolean decodeWkt(String wkt, int defaultEpsg, Point out) {
        String s = wkt.strip();
        int srid = defaultEpsg;
        if (s.regionMatches(true, 0, "SRID=", 0, 5)) {
            int semicolon = s.indexOf(';');
            if (semicolon < 0) {
                return false;
            }
            try {
                srid = Integer.parseInt(s.substring(5, semicolon).strip());
            } catch (NumberFormatException e) {
                return false;
            }
            s = s.substring(semicolon + 1).strip();
        }
        if (!s.regionMatches(true, 0, "POINT", 0, 5)) {
            return false;
        }
        int open = s.indexOf('(');
        int close = s.lastIndexOf(')');
        if (open < 0 || close < open) {
            return false;
        }
        String[] parts = s.substring(open + 1, close).strip().split("\\s+");
        if (parts.length < 2) {
            return false;
        }
        try {
            return toLonLat(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), srid, out);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Projects a coordinate in {@code epsg} to WGS 84 longitude/latitude. */
    boolean toLonLat(double x, double y, int epsg, Point out) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return false;
        }
        if (epsg == 4326 || epsg == 0 || epsg == 4269 || epsg == 4258) {
            out.lon = x;
            out.lat = y;
            return true;
        }
        if (epsg == 3857 || epsg == 900913 || epsg == 3785) {
            out.lon = Math.toDegrees(x / EARTH_RADIUS);
            out.lat = Math.toDegrees(Math.atan(Math.sinh(y / EARTH_RADIUS)));
            return true;
        }
        CoordinateOperation operation = operation(epsg);
        try {
            double[] result = operation.transform(new double[] {x, y});
            out.lon = result[0];
            out.lat = result[1];
            return Double.isFinite(out.lon) && Double.isFinite(out.lat);
        } catch (Exception e) {
            return false;
        }
    }

    private CoordinateOperation operation(int epsg) {
        return operations.computeIfAbsent(epsg, code -> {
            try {
                if (crsFactory == null) {
                    crsFactory = new CRSFactory();
                    RegistryManager registries = crsFactory.getRegistryManager();
                    registries.addRegistry(new EPSGRegistry());
                }
                CoordinateReferenceSystem source = crsFactory.getCRS("EPSG:" + code);
                CoordinateReferenceSystem target = crsFactory.getCRS("EPSG:4326");
                Set<CoordinateOperation> candidates = CoordinateOperationFactory.createCoordinateOperations(
                        (GeodeticCRS) source, (GeodeticCRS) target);
                return CoordinateOperationFactory.getMostPrecise(candidates);
            } catch (Exception e) {
                throw new ImportException("Unknown or unsupported coordinate system EPSG:" + code, e);
            }
        });
    }

    /** Checks an EPSG code can be used, before an import starts. */
    void requireSupported(int epsg) {
        Point probe = new Point();
        toLonLat(0, 0, epsg, probe);
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int hexByte(byte[] s, int at) {
        int hi = hexDigit(s[at]);
        int lo = hexDigit(s[at + 1]);
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }

    private static long readUInt(byte[] s, int at, boolean little) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int b = hexByte(s, at + 2 * i);
            if (b < 0) {
                return -1;
            }
            value = little ? value | ((long) b << (8 * i)) : value << 8 | b;
        }
        return value;
    }

    private static long readLong(byte[] s, int at, boolean little) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            long b = hexByte(s, at + 2 * i) & 0xffL;
            value = little ? value | (b << (8 * i)) : value << 8 | b;
        }
        return value;
    }
}

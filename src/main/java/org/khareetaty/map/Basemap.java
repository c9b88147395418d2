package org.khareetaty.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The offline basemap bundled with the application: Natural Earth land (coastlines), country borders
 * and first-level boundaries (states, provinces, governorates) at several levels of detail. Built by
 * {@code tools/basemap/build_basemap.py}; loaded once per application from the class path.
 */
public final class Basemap {

    static final String RESOURCE = "/org/khareetaty/map/basemap.bin.gz";
    public static final String ATTRIBUTION = "Basemap: Natural Earth (public domain)";

    /** One layer of the bundled data at one level of detail, used from {@code minZoom} on. */
    public record Layer(String name, boolean polygons, int minZoom, List<GeoShape> shapes) {
    }

    private final List<Layer> layers;
    /** Each layer's features prepared for drawing tiles (ADR 0046), sharing the shapes' coordinates. */
    private final Map<Layer, List<Outline>> outlines = new IdentityHashMap<>();

    private Basemap(List<Layer> layers, List<List<Outline>> outlines) {
        this.layers = List.copyOf(layers);
        for (int i = 0; i < layers.size(); i++) {
            this.outlines.put(this.layers.get(i), outlines.get(i));
        }
    }

    public static Basemap loadBundled() {
        try (InputStream in = Basemap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled basemap " + RESOURCE + " is missing from the application");
            }
            // Inflated whole, then parsed from the array: a stream read per byte cost a lock per byte.
            return read(new Cursor(new GZIPInputStream(in, 1 << 16).readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled basemap", e);
        }
    }

    private static Basemap read(Cursor in) throws IOException {
        if (!"KBM1".equals(in.text(4))) {
            throw new IOException("Not a Khareetaty basemap file");
        }
        int layerCount = (int) in.varint();
        List<Layer> layers = new ArrayList<>(layerCount);
        List<List<Outline>> outlines = new ArrayList<>(layerCount);
        for (int l = 0; l < layerCount; l++) {
            String name = in.text((int) in.varint());
            boolean polygons = in.varint() == 1;
            int minZoom = (int) in.varint();
            int featureCount = (int) in.varint();
            List<GeoShape> shapes = new ArrayList<>(featureCount);
            List<Outline> layerOutlines = new ArrayList<>(featureCount);
            for (int f = 0; f < featureCount; f++) {
                String featureName = in.text((int) in.varint());
                int partCount = (int) in.varint();
                double[][] parts = new double[partCount][];
                double minX = Double.POSITIVE_INFINITY;
                double minY = Double.POSITIVE_INFINITY;
                double maxX = Double.NEGATIVE_INFINITY;
                double maxY = Double.NEGATIVE_INFINITY;
                for (int p = 0; p < partCount; p++) {
                    int points = (int) in.varint();
                    double[] part = new double[points * 2];
                    long lon = 0;
                    long lat = 0;
                    for (int i = 0; i < points; i++) {
                        lon += in.varint();
                        lat += in.varint();
                        double x = WebMercator.x(lon / 1e5);
                        double y = WebMercator.y(lat / 1e5);
                        part[2 * i] = x;
                        part[2 * i + 1] = y;
                        minX = Math.min(minX, x);
                        minY = Math.min(minY, y);
                        maxX = Math.max(maxX, x);
                        maxY = Math.max(maxY, y);
                    }
                    parts[p] = part;
                }
                shapes.add(GeoShape.ofNormalised(featureName, parts));
                layerOutlines.add(new Outline(parts, minX, minY, maxX, maxY));
            }
            layers.add(new Layer(name, polygons, minZoom, shapes));
            outlines.add(List.copyOf(layerOutlines));
        }
        return new Basemap(layers, outlines);
    }

    /** Reads the build script's encoding from an array. */
    private static final class Cursor {
        private final byte[] data;
        private int at;

        Cursor(byte[] data) {
            this.data = data;
        }

        /** Zig-zag encoded variable-length integer, as written by the build script. */
        long varint() throws IOException {
            long raw = 0;
            int shift = 0;
            while (true) {
                if (at >= data.length) {
                    throw new IOException("The basemap file is cut short");
                }
                int b = data[at++] & 0xFF;
                raw |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
                shift += 7;
            }
            return (raw >>> 1) ^ -(raw & 1);
        }

        String text(int length) throws IOException {
            if (length < 0 || at + length > data.length) {
                throw new IOException("The basemap file is cut short");
            }
            String text = new String(data, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The features of one of this basemap's layers, prepared for drawing tiles. */
    List<Outline> outlines(Layer layer) {
        return outlines.get(layer);
    }

    /** The most detailed level of a named layer usable at this zoom, or null when none is. */
    public Layer detailFor(String name, double zoom) {
        return layers.stream()
                .filter(l -> l.name().equals(name) && l.minZoom() <= zoom)
                .max(Comparator.comparingInt(Layer::minZoom))
                .orElse(null);
    }

    /** Every level of a named layer usable at this zoom (for layers split by region rather than detail). */
    public List<Layer> all(String name, double zoom) {
        return layers.stream().filter(l -> l.name().equals(name) && l.minZoom() <= zoom).toList();
    }
}

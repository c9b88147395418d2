package org.khareetaty.map;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
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
            return read(new DataInputStream(new BufferedInputStream(new GZIPInputStream(in), 1 << 16)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled basemap", e);
        }
    }

    private static Basemap read(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (!"KBM1".equals(new String(magic, StandardCharsets.US_ASCII))) {
            throw new IOException("Not a Khareetaty basemap file");
        }
        int layerCount = (int) readVarint(in);
        List<Layer> layers = new ArrayList<>(layerCount);
        List<List<Outline>> outlines = new ArrayList<>(layerCount);
        for (int l = 0; l < layerCount; l++) {
            String name = readText(in);
            boolean polygons = readVarint(in) == 1;
            int minZoom = (int) readVarint(in);
            int featureCount = (int) readVarint(in);
            List<GeoShape> shapes = new ArrayList<>(featureCount);
            List<Outline> layerOutlines = new ArrayList<>(featureCount);
            for (int f = 0; f < featureCount; f++) {
                String featureName = readText(in);
                int partCount = (int) readVarint(in);
                double[][] parts = new double[partCount][];
                for (int p = 0; p < partCount; p++) {
                    int points = (int) readVarint(in);
                    double[] part = new double[points * 2];
                    long lon = 0;
                    long lat = 0;
                    for (int i = 0; i < points; i++) {
                        lon += readVarint(in);
                        lat += readVarint(in);
                        part[2 * i] = WebMercator.x(lon / 1e5);
                        part[2 * i + 1] = WebMercator.y(lat / 1e5);
                    }
                    parts[p] = part;
                }
                shapes.add(GeoShape.ofNormalised(featureName, parts));
                layerOutlines.add(new Outline(parts));
            }
            layers.add(new Layer(name, polygons, minZoom, shapes));
            outlines.add(List.copyOf(layerOutlines));
        }
        return new Basemap(layers, outlines);
    }

    /** Zig-zag encoded variable-length integer, as written by the build script. */
    private static long readVarint(DataInputStream in) throws IOException {
        long raw = 0;
        int shift = 0;
        while (true) {
            int b = in.readUnsignedByte();
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        return (raw >>> 1) ^ -(raw & 1);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = (int) readVarint(in);
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
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

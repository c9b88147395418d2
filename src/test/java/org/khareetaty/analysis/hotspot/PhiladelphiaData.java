package org.khareetaty.analysis.hotspot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.khareetaty.TestData;

/**
 * Reads located points straight from the shared Philadelphia files for tests that compare with other
 * implementations on real data; absent files make those tests skip.
 */
final class PhiladelphiaData {

    private PhiladelphiaData() {
    }

    static Path folder() {
        return TestData.sharedData().resolve("philadelphia");
    }

    static boolean present(int year) {
        return Files.isRegularFile(folder().resolve("incidents_" + year + ".csv.gz"));
    }

    /** Longitude and latitude of every row with coordinates inside the Philadelphia region, in file order. */
    static double[][] lonLat(int year, int limit) throws IOException {
        Path file = folder().resolve("incidents_" + year + ".csv.gz");
        double[] lon = new double[200_000];
        double[] lat = new double[200_000];
        int n = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(reader.readLine().split(","));
            if (!header.get(header.size() - 2).equals("point_x") || !header.get(header.size() - 1).equals("point_y")) {
                throw new IOException(file + ": expected point_x, point_y as the last columns");
            }
            String line;
            while ((line = reader.readLine()) != null && n < limit) {
                // The coordinates are the last two fields; earlier fields may hold quoted commas.
                int lastComma = line.lastIndexOf(',');
                int previousComma = line.lastIndexOf(',', lastComma - 1);
                String xText = line.substring(previousComma + 1, lastComma);
                String yText = line.substring(lastComma + 1);
                if (xText.isEmpty() || yText.isEmpty()) {
                    continue;
                }
                double x = Double.parseDouble(xText);
                double y = Double.parseDouble(yText);
                if (x < -75.3 || x > -74.9 || y < 39.8 || y > 40.2) {
                    continue;
                }
                if (n == lon.length) {
                    lon = Arrays.copyOf(lon, n * 2);
                    lat = Arrays.copyOf(lat, n * 2);
                }
                lon[n] = x;
                lat[n] = y;
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(lon, n), Arrays.copyOf(lat, n)};
    }
}

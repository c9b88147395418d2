package org.khareetaty.analysis.hotspot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a {@link GridSurface} for GIS software: ESRI ASCII grid ({@code .asc}, with a {@code .prj}
 * beside it) or a float64 GeoTIFF ({@code .tif}) georeferenced by its EPSG code. NaN cells are no-data.
 */
public final class GridExport {

    private static final double NO_DATA = -9999;

    private GridExport() {
    }

    /** Writes by file extension: .asc or .tif/.tiff. */
    public static void write(GridSurface grid, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".asc")) {
            writeAsciiGrid(grid, file);
        } else if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            writeGeoTiff(grid, file);
        } else {
            throw new IllegalArgumentException(file + ": choose a .asc (ESRI ASCII grid) or .tif (GeoTIFF) file name");
        }
    }

    public static void writeAsciiGrid(GridSurface grid, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("ncols " + grid.columns() + "\n");
            out.write("nrows " + grid.rows() + "\n");
            out.write("xllcorner " + grid.originX() + "\n");
            out.write("yllcorner " + grid.originY() + "\n");
            out.write("cellsize " + grid.cellSize() + "\n");
            out.write("NODATA_value " + (int) NO_DATA + "\n");
            StringBuilder line = new StringBuilder();
            for (int row = grid.rows() - 1; row >= 0; row--) {
                line.setLength(0);
                for (int column = 0; column < grid.columns(); column++) {
                    if (column > 0) {
                        line.append(' ');
                    }
                    double v = grid.value(row, column);
                    line.append(Double.isNaN(v) ? Integer.toString((int) NO_DATA) : v == 0 ? "0" : Double.toString(v));
                }
                line.append('\n');
                out.write(line.toString());
            }
        }
        String base = file.getFileName().toString();
        Path prj = file.resolveSibling(base.substring(0, base.lastIndexOf('.')) + ".prj");
        Files.writeString(prj, grid.projection().esriWkt(), StandardCharsets.US_ASCII);
    }

    /** A single-strip, uncompressed, little-endian float64 GeoTIFF. Needs an EPSG projection. */
    public static void writeGeoTiff(GridSurface grid, Path file) throws IOException {
        int epsg = grid.projection().epsg();
        if (epsg == 0) {
            throw new IllegalArgumentException("GeoTIFF export needs an EPSG projection; this grid is in "
                    + grid.projection().displayName() + ": export as .asc (with .prj) instead");
        }
        short[] geoKeys = {
            1, 1, 0, 4,
            1024, 0, 1, 1,          // GTModelTypeGeoKey = projected
            1025, 0, 1, 1,          // GTRasterTypeGeoKey = pixel is area
            3072, 0, 1, (short) epsg, // ProjectedCSTypeGeoKey
            3076, 0, 1, 9001,       // ProjLinearUnitsGeoKey = metre
        };
        int entries = 14;
        int ifdOffset = 8;
        int ifdSize = 2 + entries * 12 + 4;
        int scaleOffset = ifdOffset + ifdSize;
        int tieOffset = scaleOffset + 3 * 8;
        int keysOffset = tieOffset + 6 * 8;
        int dataOffset = keysOffset + geoKeys.length * 2;
        dataOffset += dataOffset % 8 == 0 ? 0 : 8 - dataOffset % 8;
        long dataBytes = (long) grid.columns() * grid.rows() * 8;
        if (dataOffset + dataBytes > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("The grid is too large for a classic GeoTIFF (4 GB): choose larger cells");
        }
        ByteBuffer header = ByteBuffer.allocate(dataOffset).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifdOffset);
        header.putShort((short) entries);
        entry(header, 256, 4, 1, grid.columns());             // ImageWidth
        entry(header, 257, 4, 1, grid.rows());                // ImageLength
        entry(header, 258, 3, 1, 64);                         // BitsPerSample
        entry(header, 259, 3, 1, 1);                          // Compression: none
        entry(header, 262, 3, 1, 1);                          // Photometric: black is zero
        entry(header, 273, 4, 1, dataOffset);                 // StripOffsets
        entry(header, 277, 3, 1, 1);                          // SamplesPerPixel
        entry(header, 278, 4, 1, grid.rows());                // RowsPerStrip
        entry(header, 279, 4, 1, (int) dataBytes);            // StripByteCounts
        entry(header, 284, 3, 1, 1);                          // PlanarConfiguration: chunky
        entry(header, 339, 3, 1, 3);                          // SampleFormat: IEEE float
        entry(header, 33550, 12, 3, scaleOffset);             // ModelPixelScale
        entry(header, 33922, 12, 6, tieOffset);               // ModelTiepoint
        entry(header, 34735, 3, geoKeys.length, keysOffset);  // GeoKeyDirectory
        header.putInt(0);
        header.putDouble(grid.cellSize()).putDouble(grid.cellSize()).putDouble(0);
        double top = grid.originY() + grid.rows() * grid.cellSize();
        header.putDouble(0).putDouble(0).putDouble(0).putDouble(grid.originX()).putDouble(top).putDouble(0);
        for (short key : geoKeys) {
            header.putShort(key);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.array());
            ByteBuffer row = ByteBuffer.allocate(grid.columns() * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = grid.rows() - 1; r >= 0; r--) {
                row.clear();
                for (int c = 0; c < grid.columns(); c++) {
                    row.putDouble(grid.value(r, c));
                }
                out.write(row.array());
            }
        }
    }

    /** One IFD entry; SHORT values fit in the value field left-justified. */
    private static void entry(ByteBuffer buffer, int tag, int type, int count, int value) {
        buffer.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            buffer.putShort((short) value).putShort((short) 0);
        } else {
            buffer.putInt(value);
        }
    }
}

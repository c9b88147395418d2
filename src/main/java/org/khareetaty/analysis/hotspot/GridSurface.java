package org.khareetaty.analysis.hotspot;

/**
 * A raster result in projected metres: {@code values[row * columns + column]}, rows counted from the
 * south (row 0 is the southernmost), cell (row, column) covering
 * [originX + column·cellSize, originX + (column+1)·cellSize) × [originY + row·cellSize, …). NaN means no data.
 */
public record GridSurface(
        String name,
        MetricProjection projection,
        double originX,
        double originY,
        double cellSize,
        int columns,
        int rows,
        String unit,
        double[] values) {

    public GridSurface {
        if ((long) columns * rows != values.length) {
            throw new IllegalArgumentException("A " + columns + " × " + rows + " grid needs " + (long) columns * rows
                    + " values, not " + values.length);
        }
    }

    public double value(int row, int column) {
        return values[row * columns + column];
    }

    public double cellCentreX(int column) {
        return originX + (column + 0.5) * cellSize;
    }

    public double cellCentreY(int row) {
        return originY + (row + 0.5) * cellSize;
    }

    /** Largest value ignoring NaN, or NaN when there is none. */
    public double max() {
        double max = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && !(v <= max)) {
                max = v;
            }
        }
        return max;
    }

    /** A grid of cellSize covering the extent (cells aligned to multiples of the cell size). */
    static GridSurface covering(String name, MetricProjection projection, HotspotPoints.Extent extent, double cellSize,
            String unit) {
        if (!(cellSize > 0) || Double.isInfinite(cellSize)) {
            throw new IllegalArgumentException("Cell size must be a positive number of metres, not " + cellSize);
        }
        double originX = Math.floor(extent.minX() / cellSize) * cellSize;
        double originY = Math.floor(extent.minY() / cellSize) * cellSize;
        long columns = (long) Math.floor((extent.maxX() - originX) / cellSize) + 1;
        long rows = (long) Math.floor((extent.maxY() - originY) / cellSize) + 1;
        if (columns * rows > 50_000_000L) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%d × %d cells of %.0f m is too many (limit 50 million): choose larger cells", columns, rows, cellSize));
        }
        return new GridSurface(name, projection, originX, originY, cellSize, (int) columns, (int) rows, unit,
                new double[(int) (columns * rows)]);
    }
}

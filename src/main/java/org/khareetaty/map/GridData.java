package org.khareetaty.map;

import java.util.UUID;

/**
 * A stored raster ({@code grid_result}): planar origin at the south-west corner, square cells, values
 * row-major from the south-west, in the run's coordinate system.
 */
public record GridData(UUID runId, String runKind, String name, String crs, double originX, double originY,
        double cellSize, int columns, int rows, String unit, double[] values) {

    public GridData {
        if (values.length != (long) columns * rows) {
            throw new IllegalArgumentException("Grid '" + name + "' has " + values.length + " values for "
                    + columns + " x " + rows + " cells");
        }
    }

    public double value(int column, int row) {
        return values[row * columns + column];
    }
}

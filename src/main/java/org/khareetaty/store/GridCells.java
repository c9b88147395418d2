package org.khareetaty.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The one encoding of {@code grid_result.cell_values}: little-endian float64, row-major from the south-west. */
public final class GridCells {

    private GridCells() {
    }

    public static byte[] encode(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(values);
        return buffer.array();
    }

    public static double[] decode(byte[] bytes) {
        double[] values = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        return values;
    }
}

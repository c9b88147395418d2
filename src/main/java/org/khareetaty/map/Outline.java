package org.khareetaty.map;

import java.awt.geom.Path2D;

/**
 * The rings or lines of one bundled basemap feature, prepared for drawing small views such as 256-pixel tiles
 * (ADR 0046). A continent's coastline or a state's border has up to a few hundred thousand vertices; a tile sees a
 * handful. Vertices are grouped in chunks of {@value #CHUNK} with their bounds, so chunks beyond one side of the view
 * are passed over without projecting their vertices, and every run of vertices beyond one side of the view is cut
 * down to its first and last vertex. That changes nothing inside the view: the cut part and its replacement both lie
 * in the same half-plane outside the view's margin, so neither a fill (even-odd or winding) nor a stroke narrower than
 * the margin can tell them apart. The coordinates are shared with the feature's {@link GeoShape}, not copied.
 */
final class Outline {

    static final int CHUNK = 32;
    private static final int LEFT = 1;
    private static final int RIGHT = 2;
    private static final int ABOVE = 4;
    private static final int BELOW = 8;

    private final double[][] parts;       // per part: x0, y0, x1, y1, ... normalised Web Mercator
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    /** Made when a view first reaches the feature: most features of the world are never drawn. */
    private volatile Index index;

    /** Bounds and chunks of the parts. */
    private static final class Index {
        final double[][] partBounds;        // per part: minX, minY, maxX, maxY
        final double[][] chunkBounds;       // per part, per chunk: minX, minY, maxX, maxY
        /** Per part, per chunk: normalised length of the line from the part's first vertex to the chunk's first. */
        final double[][] chunkStartLength;

        Index(double[][] parts) {
            partBounds = new double[parts.length][];
            chunkBounds = new double[parts.length][];
            chunkStartLength = new double[parts.length][];
            for (int p = 0; p < parts.length; p++) {
                double[] part = parts[p];
                int vertices = part.length / 2;
                int chunks = (vertices + CHUNK - 1) / CHUNK;
                double[] bounds = new double[chunks * 4];
                double[] lengths = new double[chunks];
                double length = 0;
                for (int c = 0; c < chunks; c++) {
                    lengths[c] = length;
                    int first = c * CHUNK;
                    int end = Math.min(vertices, first + CHUNK);
                    double x0 = Double.POSITIVE_INFINITY;
                    double y0 = Double.POSITIVE_INFINITY;
                    double x1 = Double.NEGATIVE_INFINITY;
                    double y1 = Double.NEGATIVE_INFINITY;
                    for (int i = first; i < end; i++) {
                        double x = part[2 * i];
                        double y = part[2 * i + 1];
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        x1 = Math.max(x1, x);
                        y1 = Math.max(y1, y);
                        if (i + 1 < vertices) {
                            length += distance(part[2 * i + 2] - x, part[2 * i + 3] - y);
                        }
                    }
                    bounds[4 * c] = x0;
                    bounds[4 * c + 1] = y0;
                    bounds[4 * c + 2] = x1;
                    bounds[4 * c + 3] = y1;
                }
                chunkBounds[p] = bounds;
                chunkStartLength[p] = lengths;
                partBounds[p] = vertices == 0 ? new double[] {0, 0, -1, -1} : new double[] {
                    min(bounds, 0), min(bounds, 1), max(bounds, 2), max(bounds, 3)};
            }
        }
    }

    /** A feature's parts (shared, not copied) and the box round all of them. */
    Outline(double[][] parts, double minX, double minY, double maxX, double maxY) {
        this.parts = parts;
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
    }

    private Index index() {
        Index made = index;
        if (made == null) {
            synchronized (this) {
                made = index;
                if (made == null) {
                    made = new Index(parts);
                    index = made;
                }
            }
        }
        return made;
    }

    /** The view with a margin, in normalised coordinates: left, top, right, bottom (computed once per drawing). */
    static double[] reach(MapViewport view, double marginPx) {
        double size = view.worldSize();
        return new double[] {(view.originX() - marginPx) / size, (view.originY() - marginPx) / size,
            (view.originX() + view.width() + marginPx) / size, (view.originY() + view.height() + marginPx) / size};
    }

    /** True when some part may fall inside a {@link #reach}. */
    boolean reaches(double[] reach) {
        return maxX >= reach[0] && minX <= reach[2] && maxY >= reach[1] && minY <= reach[3];
    }

    private static double min(double[] bounds, int offset) {
        double v = Double.POSITIVE_INFINITY;
        for (int i = offset; i < bounds.length; i += 4) {
            v = Math.min(v, bounds[i]);
        }
        return v;
    }

    private static double max(double[] bounds, int offset) {
        double v = Double.NEGATIVE_INFINITY;
        for (int i = offset; i < bounds.length; i += 4) {
            v = Math.max(v, bounds[i]);
        }
        return v;
    }

    /** Receives the pieces of a line inside the view, each with the line's length before it (in pixels). */
    interface PieceSink {
        void piece(Path2D.Double path, double lengthBeforePx);
    }

    /**
     * The rings in the view's pixels, for a fill and an undashed stroke: parts beyond the view and its margin are
     * left out, runs beyond one side are cut to their ends, and vertices closer than {@code tolerancePx} to the previous
     * one inside the view are dropped. Rings smaller than a pixel are left out.
     */
    Path2D.Double rings(MapViewport view, double marginPx, double tolerancePx, Path2D.Double into) {
        Walk walk = new Walk(view, marginPx, tolerancePx);
        double[][] partBounds = walk.index.partBounds;
        for (int p = 0; p < parts.length; p++) {
            if (walk.sees(partBounds[p], 1.0)) {
                walk.part(p, into, true, null);
            }
        }
        return into;
    }

    /**
     * The outlines in the view's pixels as pieces, one per stretch inside the view and its margin, each with the
     * length of the outline before it, so a dashed stroke can start each piece at the dash phase the whole outline has
     * there (the dashes then meet across tile edges). Rings ({@code closed}) include the edge back to their first
     * vertex and are left out when smaller than a pixel, as {@link GeoShape#toPath} does.
     */
    void linePieces(MapViewport view, double marginPx, double tolerancePx, boolean closed, PieceSink sink) {
        Walk walk = new Walk(view, marginPx, tolerancePx);
        double[][] partBounds = walk.index.partBounds;
        for (int p = 0; p < parts.length; p++) {
            if (walk.sees(partBounds[p], closed ? 1.0 : 0.0)) {
                walk.part(p, null, closed, sink);
            }
        }
    }

    /** Plain Euclidean length (Math.hypot's care for overflow costs ten times more and is not needed here). */
    private static double distance(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** The normalised length of part {@code p}'s line from its first vertex to vertex {@code i}. */
    private double lengthTo(Index index, int p, int i) {
        double[] part = parts[p];
        int c = i / CHUNK;
        double length = index.chunkStartLength[p][c];
        for (int v = c * CHUNK; v < i; v++) {
            length += distance(part[2 * v + 2] - part[2 * v], part[2 * v + 3] - part[2 * v + 1]);
        }
        return length;
    }

    /** One walk over the parts for one view. */
    private final class Walk {
        private final Index index = index();
        private final double size;
        private final double ox;
        private final double oy;
        private final double left;
        private final double top;
        private final double right;
        private final double bottom;
        private final double tolerance;
        // The part being walked, the path being written, how many vertices it has and the last one written.
        private int p;
        private PieceSink sink;
        private Path2D.Double path;
        private int written;
        private double pieceStartPx;
        private double lastX;
        private double lastY;

        Walk(MapViewport view, double marginPx, double tolerancePx) {
            size = view.worldSize();
            ox = view.originX();
            oy = view.originY();
            left = -marginPx;
            top = -marginPx;
            right = view.width() + marginPx;
            bottom = view.height() + marginPx;
            tolerance = tolerancePx;
        }

        /** True when a box (normalised) reaches into the view and is at least {@code minPx} wide or high there. */
        boolean sees(double[] b, double minPx) {
            if (b[2] < b[0]) {
                return false;
            }
            double x0 = b[0] * size - ox;
            double y0 = b[1] * size - oy;
            double x1 = b[2] * size - ox;
            double y1 = b[3] * size - oy;
            boolean inside = x1 >= left && x0 <= right && y1 >= top && y0 <= bottom;
            return inside && (x1 - x0 >= minPx || y1 - y0 >= minPx);
        }

        private int outcode(double x, double y) {
            int code = 0;
            if (x < left) {
                code |= LEFT;
            } else if (x > right) {
                code |= RIGHT;
            }
            if (y < top) {
                code |= ABOVE;
            } else if (y > bottom) {
                code |= BELOW;
            }
            return code;
        }

        /**
         * Writes part {@code partIndex}. For rings ({@code pieces == null}) into {@code ringPath}, one closed subpath; for
         * lines each stretch inside the view becomes its own piece, and the runs beyond the view are not drawn.
         */
        void part(int partIndex, Path2D.Double ringPath, boolean closed, PieceSink pieces) {
            p = partIndex;
            sink = pieces;
            path = ringPath;
            written = 0;
            double[] part = parts[p];
            double[] bounds = index.chunkBounds[p];
            int vertices = part.length / 2;
            int runBits = 0;        // the sides every vertex of the current run lies beyond (0: no run)
            int runLast = -1;       // the run's last vertex after its first, not written yet
            for (int c = 0; c * CHUNK < vertices; c++) {
                int first = c * CHUNK;
                int end = Math.min(vertices, first + CHUNK);
                int chunkBits = outcode(bounds[4 * c] * size - ox, bounds[4 * c + 1] * size - oy)
                        & outcode(bounds[4 * c + 2] * size - ox, bounds[4 * c + 3] * size - oy);
                if (chunkBits != 0) {
                    // Every vertex of the chunk lies beyond these sides: the chunk continues the run, or starts one.
                    if ((runBits & chunkBits) == 0) {
                        endRun(runLast);
                        write(first, true);
                    }
                    runBits = (runBits & chunkBits) != 0 ? runBits & chunkBits : chunkBits;
                    runLast = end - 1;
                    continue;
                }
                for (int i = first; i < end; i++) {
                    int code = outcode(part[2 * i] * size - ox, part[2 * i + 1] * size - oy);
                    if ((runBits & code) != 0) {
                        runBits &= code;
                        runLast = i;
                        continue;
                    }
                    endRun(runLast);
                    runLast = -1;
                    runBits = code;
                    // A run's first vertex is kept: the edge from the view to it is real.
                    write(i, code != 0 || i == vertices - 1);
                }
            }
            endRun(runLast);
            if (written > 0 && closed && sink == null) {
                path.closePath();
            }
            endPiece();
            if (closed && sink != null && vertices > 1 && !explicitlyClosed(part)) {
                closingPiece(part, vertices);
            }
        }

        private boolean explicitlyClosed(double[] part) {
            return part[0] == part[part.length - 2] && part[1] == part[part.length - 1];
        }

        /** The edge from a ring's last vertex back to its first, as a piece of its own when it reaches the view. */
        private void closingPiece(double[] part, int vertices) {
            int last = vertices - 1;
            int a = outcode(part[2 * last] * size - ox, part[2 * last + 1] * size - oy);
            int b = outcode(part[0] * size - ox, part[1] * size - oy);
            if ((a & b) != 0) {
                return;
            }
            write(last, true);
            path.lineTo(part[0] * size - ox, part[1] * size - oy);
            written++;
            endPiece();
        }

        /**
         * The run beyond the view ended at vertex {@code last} (none when negative): a ring keeps it (the run is cut
         * to its first and last vertex); a line ends its piece at the run's first vertex and starts the next at its last.
         */
        private void endRun(int last) {
            if (last < 0) {
                return;
            }
            endPiece();
            write(last, true);
        }

        private void endPiece() {
            if (sink != null) {
                if (written > 1) {
                    sink.piece(path, pieceStartPx);
                }
                written = 0;
            }
        }

        private void write(int i, boolean keep) {
            double x = parts[p][2 * i] * size - ox;
            double y = parts[p][2 * i + 1] * size - oy;
            if (written == 0) {
                if (sink != null) {
                    path = new Path2D.Double(Path2D.WIND_NON_ZERO, 64);
                    pieceStartPx = lengthTo(index, p, i) * size;
                }
                path.moveTo(x, y);
            } else if (keep || Math.abs(x - lastX) >= tolerance || Math.abs(y - lastY) >= tolerance) {
                path.lineTo(x, y);
            } else {
                return;
            }
            written++;
            lastX = x;
            lastY = y;
        }
    }
}

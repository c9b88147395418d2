package org.khareetaty.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The tiles {@code minX..maxX} by {@code minY..maxY} (inclusive) of one zoom level. */
public record TileRange(int z, long minX, long minY, long maxX, long maxY) {

    /** At most this many tiles are drawn ahead for one opening of the map (about 3 MB of cache, 4 s of drawing). */
    static final int DRAW_AHEAD_MAX = 1200;

    public TileRange {
        long last = (1L << z) - 1;
        minX = Math.max(0, minX);
        minY = Math.max(0, minY);
        maxX = Math.min(last, maxX);
        maxY = Math.min(last, maxY);
    }

    public boolean contains(long x, long y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }

    public long count() {
        return maxX < minX || maxY < minY ? 0 : (maxX - minX + 1) * (maxY - minY + 1);
    }

    /** The tiles of level {@code z} that a view shows (wholly or in part). */
    public static TileRange covering(MapViewport view, int z) {
        double tilePx = WebMercator.TILE_SIZE * view.worldSize() / WebMercator.worldSize(z);
        return new TileRange(z, (long) Math.floor(view.originX() / tilePx), (long) Math.floor(view.originY() / tilePx),
                (long) Math.floor((view.originX() + view.width()) / tilePx), (long) Math.floor((view.originY() + view.height()) / tilePx));
    }

    /** The range around these tile keys ({@code "z/x/y"}) at the level most of them have; null without keys. */
    public static TileRange around(Collection<String> keys) {
        int z = -1;
        long minX = Long.MAX_VALUE;
        long minY = Long.MAX_VALUE;
        long maxX = Long.MIN_VALUE;
        long maxY = Long.MIN_VALUE;
        for (String key : keys) {
            String[] zxy = key.split("/");
            int level = Integer.parseInt(zxy[0]);
            if (z >= 0 && level != z) {
                continue;
            }
            z = level;
            long x = Long.parseLong(zxy[1]);
            long y = Long.parseLong(zxy[2]);
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        return z < 0 ? null : new TileRange(z, minX, minY, maxX, maxY);
    }

    /** The same ground grown by {@code fraction} of its width and height on every side. */
    TileRange grown(double fraction) {
        long dx = (long) Math.ceil((maxX - minX + 1) * fraction);
        long dy = (long) Math.ceil((maxY - minY + 1) * fraction);
        return new TileRange(z, minX - dx, minY - dy, maxX + dx, maxY + dy);
    }

    /** The same ground {@code levels} levels finer. */
    TileRange finer(int levels) {
        return new TileRange(z + levels, minX << levels, minY << levels, ((maxX + 1) << levels) - 1, ((maxY + 1) << levels) - 1);
    }

    /**
     * What to draw ahead around a view first shown at this range (ADR 0046), most likely needed first: the view's level
     * with half a view round it (a pan), then the next two finer levels over the view itself (a zoom in), then the
     * coarser level round it (a zoom out); never more than {@link #DRAW_AHEAD_MAX} tiles.
     */
    public List<TileRange> drawAheadPlan() {
        List<TileRange> plan = new ArrayList<>();
        plan.add(grown(0.5));
        if (z + 1 <= 19) {
            plan.add(finer(1));
        }
        if (z + 2 <= 19) {
            plan.add(finer(2));
        }
        if (z > 0) {
            TileRange grownOut = grown(1);
            plan.add(new TileRange(z - 1, grownOut.minX >> 1, grownOut.minY >> 1, grownOut.maxX >> 1, grownOut.maxY >> 1));
        }
        List<TileRange> capped = new ArrayList<>();
        long total = 0;
        for (TileRange range : plan) {
            if (total + range.count() <= DRAW_AHEAD_MAX) {
                capped.add(range);
                total += range.count();
            }
        }
        return capped;
    }
}

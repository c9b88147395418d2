package org.khareetaty.ingest;

/** A fast 64-bit string hash (FNV-1a over chars, finished with a murmur mix) for keys and content. */
final class Hashing {

    private Hashing() {
    }

    static long hash64(CharSequence text, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** 42-bit Morton code of a point on a 2^21 x 2^21 world grid (about 19 m cells): a B-tree-able spatial key. */
    static long mortonCell(double lon, double lat) {
        long x = (long) ((lon + 180.0) / 360.0 * (1 << 21));
        long y = (long) ((lat + 90.0) / 180.0 * (1 << 21));
        x = Math.max(0, Math.min((1 << 21) - 1, x));
        y = Math.max(0, Math.min((1 << 21) - 1, y));
        return spread(x) | spread(y) << 1;
    }

    private static long spread(long v) {
        long x = v & 0x1fffffL;
        x = (x | x << 32) & 0x1f00000000ffffL;
        x = (x | x << 16) & 0x1f0000ff0000ffL;
        x = (x | x << 8) & 0x100f00f00f00f00fL;
        x = (x | x << 4) & 0x10c30c30c30c30c3L;
        x = (x | x << 2) & 0x1249249249249249L;
        return x;
    }
}

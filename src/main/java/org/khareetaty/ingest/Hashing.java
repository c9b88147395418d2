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
}

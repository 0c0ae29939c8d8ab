package com.govfeedback.triage.text;

/** The 64-bit hashing every triage part uses: FNV-1a over code points, and Murmur3's finaliser to spread it. */
public final class Hashing {
    public static final long FNV_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {
    }

    /** Extends an FNV-1a hash by one code point. */
    public static long step(long h, int cp) {
        return (h ^ cp) * FNV_PRIME;
    }

    public static long fnv(int[] cps, int from, int to) {
        long h = FNV_BASIS;
        for (int i = from; i < to; i++) {
            h = step(h, cps[i]);
        }
        return h;
    }

    /** Murmur3's 64-bit finaliser: every input bit reaches every output bit. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}

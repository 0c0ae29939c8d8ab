package com.govfeedback.shared;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Identifiers that sort by creation time and cannot be guessed: 48 bits of milliseconds then
 * 80 random bits, written in Crockford base32 (26 characters, the ULID layout).
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId(Instant at) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return encode(at.toEpochMilli(), random);
    }

    static String encode(long millis, byte[] random) {
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (random[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }

    /** The first ten characters (the time part) of every id made at {@code at}: ids sort by it, so it bounds a range of ids. */
    public static String timePrefix(Instant at) {
        return encode(at.toEpochMilli(), new byte[10]).substring(0, 10);
    }

    /** True when the text has the shape of an id this class makes; cheap to check before any read. */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() != 26 || id.charAt(0) > '7') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (indexOf(id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }
}

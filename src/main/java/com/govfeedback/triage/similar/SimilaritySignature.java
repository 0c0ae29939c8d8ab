package com.govfeedback.triage.similar;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.govfeedback.triage.text.Hashing;
import com.govfeedback.triage.text.TextNormalizer;

/**
 * MinHash signatures of feedback texts for near-duplicate ("me too") detection. A text is
 * normalised (so script, width, emoji and punctuation do not matter), cut into character
 * bigrams, and summarised by {@value #SIGNATURE_LENGTH} minimum hashes; the Jaccard similarity of
 * two texts' bigram sets is estimated by the share of equal positions. For lookup, the first
 * {@value #BANDS} × {@value #ROWS_PER_BAND} positions form LSH band keys: texts that share any key
 * are candidates (a pair at Jaccard 0.4 shares one with probability ≈ 0.75, at 0.6 ≈ 0.97, at
 * 0.1 ≈ 0.08), and a candidate joins when {@link #similarity} reaches {@link #NEAR_DUPLICATE}.
 */
public final class SimilaritySignature {
    public static final int SIGNATURE_LENGTH = 64;
    public static final int BANDS = 8;
    public static final int ROWS_PER_BAND = 2;
    /** Estimated Jaccard from which two texts count as the same issue. */
    public static final double NEAR_DUPLICATE = 0.4;

    private static final long SHINGLE_SEED = 0x2545F4914F6CDD1DL;
    private static final long[] HASH_SEEDS = new long[SIGNATURE_LENGTH];

    static {
        long seed = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SIGNATURE_LENGTH; i++) {
            seed = Hashing.mix(seed + 0x9E3779B97F4A7C15L);
            HASH_SEEDS[i] = seed;
        }
    }

    private final TextNormalizer normalizer;

    public SimilaritySignature(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** The signature of a (masked) text; all positions are {@link Long#MAX_VALUE} when it has no letters. */
    public long[] signature(String maskedText) {
        int[] letters = normalizer.normalize(maskedText).codePoints().filter(Character::isLetterOrDigit).toArray();
        long[] signature = new long[SIGNATURE_LENGTH];
        java.util.Arrays.fill(signature, Long.MAX_VALUE);
        int shingles = Math.max(letters.length - 1, letters.length == 1 ? 1 : 0);
        for (int s = 0; s < shingles; s++) {
            long shingle = Hashing.mix(SHINGLE_SEED ^ ((long) letters[s] << 21 | (s + 1 < letters.length ? letters[s + 1] : 0)));
            for (int i = 0; i < SIGNATURE_LENGTH; i++) {
                long h = Hashing.mix(shingle ^ HASH_SEEDS[i]);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    /** LSH band keys of a text, {@code "b<band>:<hex>"}; none when the text has no letters. */
    public List<String> bandKeys(String maskedText) {
        return bandKeys(signature(maskedText));
    }

    public static List<String> bandKeys(long[] signature) {
        if (signature[0] == Long.MAX_VALUE) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            long h = band;
            for (int row = 0; row < ROWS_PER_BAND; row++) {
                h = Hashing.mix(h ^ signature[band * ROWS_PER_BAND + row]);
            }
            keys.add("b" + band + ":" + HexFormat.of().toHexDigits(h));
        }
        return keys;
    }

    /** Estimated Jaccard similarity of the two texts' bigram sets, in [0, 1]. */
    public static double similarity(long[] a, long[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("signatures of different lengths");
        }
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i] && a[i] != Long.MAX_VALUE) {
                equal++;
            }
        }
        return (double) equal / a.length;
    }
}

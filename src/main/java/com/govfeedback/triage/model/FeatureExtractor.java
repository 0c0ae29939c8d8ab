package com.govfeedback.triage.model;

import java.util.List;

import com.govfeedback.triage.text.Hashing;

/**
 * Turns normalised text into hashed features: Chinese character 1–3-grams inside runs of Han
 * characters, whole latin words, single symbols and emoji, and one feature per cue-word group
 * found (so synonyms the corpus never showed still weigh like their group), counted twice.
 */
public final class FeatureExtractor {
    private static final long SEED_NGRAM = 0x9E3779B97F4A7C15L;
    private static final long SEED_WORD = 0xC2B2AE3D27D4EB4FL;
    private static final long SEED_SYMBOL = 0x165667B19E3779F9L;
    private static final long SEED_CUE = 0x27D4EB2F165667C5L;
    private static final int MAX_NGRAM = 3;
    /** A cue-group match counts as this many n-grams: cross-author validation (train on one writer, test on the other) gained 1–2 points for domain. */
    private static final int CUE_WEIGHT = 2;

    private final int bucketBits;
    private final PhraseTable cues;

    public FeatureExtractor(int bucketBits, List<List<String>> cueGroups) {
        this.bucketBits = bucketBits;
        this.cues = PhraseTable.ofGroups(cueGroups);
    }

    public int bucketCount() {
        return 1 << bucketBits;
    }

    public Features extract(String normalized) {
        return extract(normalized.codePoints().toArray());
    }

    /** @param cps the normalised text's code points; kept by the result for evidence */
    public Features extract(int[] cps) {
        Features features = new Features(cps);
        int n = cps.length;
        int i = 0;
        while (i < n) {
            int cp = cps[i];
            if (isHan(cp)) {
                int end = i;
                while (end < n && isHan(cps[end])) {
                    end++;
                }
                addNgrams(features, cps, i, end);
                i = end;
            } else if (isWordChar(cp)) {
                int end = i;
                while (end < n && isWordChar(cps[end])) {
                    end++;
                }
                features.add(bucket(Hashing.fnv(cps, i, end) ^ SEED_WORD), i, end);
                i = end;
            } else {
                if (cp != ' ') {
                    features.add(bucket(Hashing.fnv(cps, i, i + 1) ^ SEED_SYMBOL), i, i + 1);
                }
                i++;
            }
        }
        cues.forEachMatch(cps, n, (start, end, group) -> {
            for (int repeat = 0; repeat < CUE_WEIGHT; repeat++) {
                features.add(bucket(SEED_CUE + group), start, end);
            }
        });
        return features;
    }

    private void addNgrams(Features features, int[] cps, int from, int to) {
        for (int start = from; start < to; start++) {
            long h = Hashing.FNV_BASIS;
            for (int end = start; end < to && end - start < MAX_NGRAM; end++) {
                h = Hashing.step(h, cps[end]);
                features.add(bucket(h ^ SEED_NGRAM), start, end + 1);
            }
        }
    }

    private int bucket(long h) {
        return (int) (Hashing.mix(h) >>> (64 - bucketBits));
    }

    private static boolean isHan(int cp) {
        return cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0x3400 && cp <= 0x4DBF || cp >= 0xF900 && cp <= 0xFAFF
                || cp >= 0x20000 && cp <= 0x2FFFF;
    }

    private static boolean isWordChar(int cp) {
        return cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9';
    }
}

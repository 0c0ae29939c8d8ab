package com.govfeedback.triage.model;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import com.govfeedback.triage.text.Hashing;

/**
 * Finds known phrases (cue words, tag keywords, sentiment words) in a code-point array by a rolling
 * 64-bit hash per start position, so a lookup costs O(text length × longest phrase), not O(phrases).
 */
public final class PhraseTable {
    /** Receives one match: code-point offsets [start, end) and the index of the phrase's value. */
    public interface MatchSink {
        void match(int start, int end, int value);
    }

    private final long[] keys;
    private final int[][] phrases;
    private final int[] values;
    private final int mask;
    private final int longest;
    /** Which BMP characters begin some phrase: most start positions are skipped after one bit test. */
    private final BitSet firstChars = new BitSet(Character.MAX_VALUE + 1);
    private boolean astralFirstChar;

    /** @param phraseValues phrase (already normalised) → value index; empty phrases are ignored */
    public PhraseTable(Map<String, Integer> phraseValues) {
        int capacity = Integer.highestOneBit(Math.max(4, phraseValues.size() * 4) - 1) << 1;
        keys = new long[capacity];
        phrases = new int[capacity][];
        values = new int[capacity];
        mask = capacity - 1;
        int max = 0;
        for (Map.Entry<String, Integer> entry : phraseValues.entrySet()) {
            int[] cps = entry.getKey().codePoints().toArray();
            if (cps.length == 0) {
                continue;
            }
            max = Math.max(max, cps.length);
            if (cps[0] <= Character.MAX_VALUE) {
                firstChars.set(cps[0]);
            } else {
                astralFirstChar = true;
            }
            long key = Hashing.fnv(cps, 0, cps.length);
            int slot = (int) Hashing.mix(key) & mask;
            while (phrases[slot] != null && !Arrays.equals(phrases[slot], cps)) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            phrases[slot] = cps;
            values[slot] = entry.getValue();
        }
        longest = max;
    }

    /** Builds a table whose value index is the position of the phrase's group in {@code groups}. */
    public static PhraseTable ofGroups(List<List<String>> groups) {
        Map<String, Integer> map = new java.util.LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String phrase : groups.get(g)) {
                map.putIfAbsent(phrase, g);
            }
        }
        return new PhraseTable(map);
    }

    /** Reports every phrase occurrence, longest first at each start position. */
    public void forEachMatch(int[] text, int length, MatchSink sink) {
        for (int start = 0; start < length; start++) {
            int first = text[start];
            if (first <= Character.MAX_VALUE ? !firstChars.get(first) : !astralFirstChar) {
                continue;
            }
            long h = Hashing.FNV_BASIS;
            int found = -1;
            int foundEnd = 0;
            int[] ends = null;
            int endCount = 0;
            for (int end = start; end < length && end - start < longest; end++) {
                h = Hashing.step(h, text[end]);
                int slot = lookup(h, text, start, end + 1);
                if (slot >= 0) {
                    if (found >= 0) {
                        if (ends == null) {
                            ends = new int[longest * 2];
                        }
                        ends[endCount++] = found;
                        ends[endCount++] = foundEnd;
                    }
                    found = slot;
                    foundEnd = end + 1;
                }
            }
            if (found >= 0) {
                sink.match(start, foundEnd, values[found]);
                for (int i = endCount - 2; i >= 0; i -= 2) {
                    sink.match(start, ends[i + 1], values[ends[i]]);
                }
            }
        }
    }

    private int lookup(long key, int[] text, int start, int end) {
        int slot = (int) Hashing.mix(key) & mask;
        while (phrases[slot] != null) {
            if (keys[slot] == key && Arrays.equals(phrases[slot], 0, phrases[slot].length, text, start, end)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }
}

package com.govfeedback.triage.model;

import java.util.Arrays;

/**
 * The hashed features of one normalised text, each with the code-point span it came from so the
 * strongest ones can be shown back as readable evidence.
 */
public final class Features {
    final int[] text;
    int count;
    int[] buckets;
    int[] starts;
    int[] ends;

    /** Sized for the usual count (three n-grams a character plus cue words), so it rarely grows. */
    Features(int[] text) {
        this.text = text;
        int capacity = 4 * text.length + 16;
        buckets = new int[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
    }

    void add(int bucket, int start, int end) {
        if (count == buckets.length) {
            buckets = Arrays.copyOf(buckets, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        buckets[count] = bucket;
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    public int count() {
        return count;
    }

    public int bucket(int i) {
        return buckets[i];
    }

    /** Every feature weighs 1/√n, so long and short texts reach the model on the same scale. */
    public double value() {
        return count == 0 ? 0 : 1.0 / Math.sqrt(count);
    }

    /** The text the i-th feature was read from. */
    public String fragment(int i) {
        return new String(text, starts[i], ends[i] - starts[i]);
    }
}

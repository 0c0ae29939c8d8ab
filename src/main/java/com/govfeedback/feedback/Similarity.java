package com.govfeedback.feedback;

import java.util.Arrays;

/**
 * Where a feedback stands among near-duplicates.
 *
 * @param clusterId the first feedback of its cluster (its own id when it joined none)
 * @param signature its MinHash signature, kept so later feedback can be compared with it without re-reading text
 */
public record Similarity(String clusterId, long[] signature) {

    // a record compares arrays by reference; two readings of the same stored item must be equal
    @Override
    public boolean equals(Object other) {
        return other instanceof Similarity that && clusterId.equals(that.clusterId) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * clusterId.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Similarity[clusterId=" + clusterId + ", signature=" + signature.length + " hashes]";
    }
}

package com.govfeedback.feedback.similar;

/**
 * Where a feedback stands among near-duplicates.
 *
 * @param clusterId the first feedback of its cluster (its own id when it joined none)
 * @param signature its MinHash signature, kept so later feedback can be compared with it without re-reading text
 */
public record Similarity(String clusterId, long[] signature) {
}

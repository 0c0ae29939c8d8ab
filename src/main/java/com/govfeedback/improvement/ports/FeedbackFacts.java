package com.govfeedback.improvement.ports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the improvement loop reads about feedback. Implemented over the feedback store; every value is already masked
 * and classified there.
 */
public interface FeedbackFacts {
    /** The facts of one feedback, or empty when there is no such feedback. */
    Optional<Fact> find(String feedbackId);

    /** Every feedback id of a similar-feedback cluster (the cluster's member set), empty when unknown. */
    List<String> clusterMembers(String clusterId);

    /**
     * One feedback as the improvement loop sees it.
     *
     * @param citizen     the submitting citizen's subject: who is told of tracker changes (never shown publicly)
     * @param clusterId   its similar-feedback cluster, or null
     * @param clusterSize members of that cluster (the "me too" count plus one), at least 1
     * @param colour      urgency colour name (RED, ORANGE, YELLOW, BLUE)
     * @param type        the classified feedback type (COMPLAINT, BUG…)
     * @param appVersion  the app version it was sent from, or null
     * @param negative    its sentiment was negative
     * @param ratingScore the citizen's 好差评 score 1–5 of the case, or null while unrated
     * @param open        the case is still open (not resolved, closed, rejected or merged)
     * @param department  the lead department of the case
     * @param consentedName the name the citizen agreed to be shown under on the results wall, or null (anonymous)
     */
    record Fact(String feedbackId, String citizen, String clusterId, long clusterSize, String colour, String domain, String screenPath,
            String type, String appVersion, boolean negative, Integer ratingScore, boolean open, Instant submittedAt, String department,
            String consentedName) {
    }
}

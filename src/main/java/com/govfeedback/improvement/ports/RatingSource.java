package com.govfeedback.improvement.ports;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Stored satisfaction signals for screens and domains over a time window; implemented over the feedback store's ratings. */
public interface RatingSource {
    /**
     * Every observation in {@code [from, to)} about any of the screens, or, when {@code screenPaths} is empty, any of the
     * domains.
     */
    List<Observation> observations(Set<String> screenPaths, Set<String> domains, Instant from, Instant to);

    /**
     * One feedback about those screens or that domain.
     *
     * @param at       when it was submitted (rated feedback: when it was rated)
     * @param score    the 好差评 score 1–5 when the citizen rated it, otherwise null
     * @param negative the feedback was negative (negative sentiment or a complaint)
     */
    record Observation(Instant at, Integer score, boolean negative) {
    }
}

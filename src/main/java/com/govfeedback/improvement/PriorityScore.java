package com.govfeedback.improvement;

import java.util.Map;

/**
 * A computed priority with everything that produced it, so a reviewer can see why an improvement ranks where it does.
 *
 * @param score      0–100: 100 × impact × urgency × effort factor, rounded to two decimals
 * @param level      P0 (most urgent) … P4, from the thresholds in {@code improvement/priority.json}
 * @param impact     user-satisfaction impact, 0–1: the weighted mean of {@code components}
 * @param urgency    business urgency, 0.2–1: the reviewer's grade / 5 (the default grade while ungraded)
 * @param effortFactor the multiplier of the effort estimate (smaller for bigger work)
 * @param components each impact signal normalised to 0–1, by name
 * @param inputs     the raw counts the signals came from, by name
 */
public record PriorityScore(double score, String level, double impact, double urgency, double effortFactor,
        Map<String, Double> components, Map<String, Long> inputs) {
}

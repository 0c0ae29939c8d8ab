package com.govfeedback.improvement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.shared.ValidationException;

/**
 * The priority formula's weights and thresholds, read from {@value #CLASSPATH_FILE}:
 * <pre>
 *   impact  = Σ weight(signal) × signal / Σ weight       every signal normalised to 0–1
 *   urgency = grade / 5                                  the reviewer's business-urgency grade 1–5
 *   score   = 100 × impact × urgency × effortFactor      mapped to P0–P4 by the first level whose threshold it reaches
 * </pre>
 * Counts (linked feedback, me-too, supporters) saturate logarithmically: ln(1 + n) / ln(1 + saturation), capped at 1,
 * so the first reports weigh most and a flood does not drown every other signal. Colour is the mean colour weight of the
 * linked feedback; negative sentiment and bad ratings are shares of the linked (rated) feedback.
 */
public final class PriorityPolicy {
    public static final String CLASSPATH_FILE = "improvement/priority.json";
    public static final List<String> SIGNALS = List.of("linkedFeedback", "meToo", "supporters", "colour", "negativeSentiment", "badRatings");
    public static final int MIN_GRADE = 1;
    public static final int MAX_GRADE = 5;

    private final Map<String, Double> weights;
    private final Map<String, Double> saturation;
    private final Map<String, Double> colourWeights;
    private final int badRatingAtOrBelow;
    private final int urgencyWhenUngraded;
    private final Map<String, Double> effortFactors;
    private final String effortWhenUnestimated;
    private final List<Map.Entry<String, Double>> levels;

    private PriorityPolicy(DataFile file) {
        JsonNode root = file.root();
        weights = numbers(file, file.object(root, "impactWeights"));
        for (String signal : SIGNALS) {
            if (!weights.containsKey(signal)) {
                throw new IllegalStateException(CLASSPATH_FILE + ": impactWeights." + signal + " is missing");
            }
        }
        saturation = numbers(file, file.object(root, "saturation"));
        colourWeights = numbers(file, file.object(root, "colourWeights"));
        badRatingAtOrBelow = file.positiveInt(root, "badRatingAtOrBelow");
        urgencyWhenUngraded = file.positiveInt(root, "urgencyWhenUngraded");
        effortFactors = numbers(file, file.object(root, "effortFactors"));
        effortWhenUnestimated = file.text(root, "effortWhenUnestimated");
        levels = new ArrayList<>();
        for (JsonNode level : root.path("levels")) {
            levels.add(Map.entry(file.text(level, "level"), file.number(level, "atLeast")));
        }
        if (levels.isEmpty() || levels.get(levels.size() - 1).getValue() != 0) {
            throw new IllegalStateException(CLASSPATH_FILE + ": levels must end with one whose atLeast is 0");
        }
    }

    public static PriorityPolicy loadDefault() {
        return new PriorityPolicy(DataFile.load(CLASSPATH_FILE));
    }

    public int badRatingAtOrBelow() {
        return badRatingAtOrBelow;
    }

    /** Refuses an effort estimate the data file does not know (422 naming the field). */
    public String requireEffort(String effort) {
        if (!effortFactors.containsKey(effort)) {
            throw new ValidationException("effort", "one of " + effortFactors.keySet());
        }
        return effort;
    }

    public static int requireGrade(Integer grade) {
        if (grade == null || grade < MIN_GRADE || grade > MAX_GRADE) {
            throw new ValidationException("urgency", "a grade from " + MIN_GRADE + " to " + MAX_GRADE);
        }
        return grade;
    }

    /** The score of an improvement from its link statistics, supporters, urgency grade (null while ungraded) and effort (null while unestimated). */
    public PriorityScore score(LinkStats stats, long supporters, Integer urgencyGrade, String effort) {
        Map<String, Double> components = new LinkedHashMap<>();
        components.put("linkedFeedback", saturating(stats.linked(), "linkedFeedback"));
        components.put("meToo", saturating(stats.meToo(), "meToo"));
        components.put("supporters", saturating(supporters, "supporters"));
        components.put("colour", colourMean(stats));
        components.put("negativeSentiment", share(stats.negative(), stats.linked()));
        components.put("badRatings", share(stats.badRatings(), stats.rated()));
        double weighted = 0;
        double totalWeight = 0;
        for (String signal : SIGNALS) {
            weighted += weights.get(signal) * components.get(signal);
            totalWeight += weights.get(signal);
        }
        double impact = totalWeight == 0 ? 0 : weighted / totalWeight;
        double urgency = (urgencyGrade == null ? urgencyWhenUngraded : urgencyGrade) / (double) MAX_GRADE;
        double effortFactor = effortFactors.getOrDefault(effort == null ? effortWhenUnestimated : effort, 1.0);
        double score = Math.round(100 * impact * urgency * effortFactor * 100) / 100.0;
        Map<String, Long> inputs = new LinkedHashMap<>();
        inputs.put("linkedFeedback", stats.linked());
        inputs.put("meToo", stats.meToo());
        inputs.put("supporters", supporters);
        inputs.put("negativeSentiment", stats.negative());
        inputs.put("rated", stats.rated());
        inputs.put("badRatings", stats.badRatings());
        stats.colours().forEach((colour, count) -> inputs.put("colour." + colour, count));
        return new PriorityScore(score, levelOf(score), round(impact), round(urgency), effortFactor, components, inputs);
    }

    String levelOf(double score) {
        for (Map.Entry<String, Double> level : levels) {
            if (score >= level.getValue()) {
                return level.getKey();
            }
        }
        return levels.get(levels.size() - 1).getKey();
    }

    private double saturating(long count, String signal) {
        double cap = saturation.getOrDefault(signal, 1.0);
        return round(Math.min(1.0, Math.log1p(count) / Math.log1p(cap)));
    }

    private double colourMean(LinkStats stats) {
        long total = 0;
        double sum = 0;
        for (Map.Entry<String, Long> entry : stats.colours().entrySet()) {
            total += entry.getValue();
            sum += entry.getValue() * colourWeights.getOrDefault(entry.getKey(), 0.0);
        }
        return total == 0 ? 0 : round(sum / total);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : round((double) part / whole);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static Map<String, Double> numbers(DataFile file, JsonNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        node.fieldNames().forEachRemaining(name -> out.put(name, file.number(node, name)));
        return out;
    }
}

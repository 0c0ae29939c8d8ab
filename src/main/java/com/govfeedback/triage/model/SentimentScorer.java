package com.govfeedback.triage.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.govfeedback.shared.Json;
import com.govfeedback.triage.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lexicon sentiment: sums the weights of positive and negative words found (longest match, a
 * negator just before a word flips it) and squashes the sum into a score in (-1, 1).
 */
public final class SentimentScorer {
    public static final String RESOURCE = "/triage/sentiment.json";
    /** Scores at or beyond ±this are negative/positive, the rest neutral. */
    public static final double POLAR_THRESHOLD = 0.3;

    public record Sentiment(String label, double score) {
    }

    private final PhraseTable words;
    private final double[] weights;
    private final int[][] negators;

    private SentimentScorer(PhraseTable words, double[] weights, int[][] negators) {
        this.words = words;
        this.weights = weights;
        this.negators = negators;
    }

    public static SentimentScorer loadDefault(TextNormalizer normalizer) {
        try (InputStream in = SentimentScorer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            JsonNode root = Json.mapper().readTree(in);
            Map<String, Integer> index = new LinkedHashMap<>();
            List<Double> weights = new ArrayList<>();
            addWords(root.get("positive"), 1, normalizer, index, weights);
            addWords(root.get("negative"), -1, normalizer, index, weights);
            List<int[]> negators = new ArrayList<>();
            root.get("negators").forEach(n -> negators.add(normalizer.normalize(n.asText()).codePoints().toArray()));
            return new SentimentScorer(new PhraseTable(index), weights.stream().mapToDouble(Double::doubleValue).toArray(),
                    negators.toArray(int[][]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addWords(JsonNode words, int sign, TextNormalizer normalizer, Map<String, Integer> index,
            List<Double> weights) {
        words.fields().forEachRemaining(entry -> {
            index.put(normalizer.normalize(entry.getKey()), weights.size());
            weights.add(sign * entry.getValue().asDouble());
        });
    }

    /** @param cps code points of normalised text */
    public Sentiment score(int[] cps) {
        double[] sum = new double[1];
        int[] coveredUntil = new int[1];
        words.forEachMatch(cps, cps.length, (start, end, word) -> {
            if (start < coveredUntil[0]) {
                return;
            }
            coveredUntil[0] = end;
            sum[0] += negated(cps, start) ? -weights[word] : weights[word];
        });
        double score = Math.tanh(sum[0] / 3);
        String label = score <= -POLAR_THRESHOLD ? "negative" : score >= POLAR_THRESHOLD ? "positive" : "neutral";
        return new Sentiment(label, Math.round(score * 1000) / 1000.0);
    }

    private boolean negated(int[] cps, int start) {
        for (int[] negator : negators) {
            int from = start - negator.length;
            if (from >= 0 && java.util.Arrays.equals(cps, from, start, negator, 0, negator.length)) {
                return true;
            }
        }
        return false;
    }
}

package com.govfeedback.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.govfeedback.shared.Json;
import com.govfeedback.triage.text.PersonalDataMasker;

/**
 * {@code make evaluate-masking}: generates the adversarial set ({@link AdversarialMaskingSet}), writes it with its
 * labels, and prints the masker's recall on personal data and the share of look-alikes it masks, by category, then its
 * throughput; last {@code recall=… look_alikes_masked=…}. Arguments (all optional): {@code seed=N lines=N
 * out=FILE misses=N} (how many missed or wrongly masked lines to show).
 */
public final class EvaluateMasking {
    public static final long DEFAULT_SEED = 20261202L;
    public static final int DEFAULT_LINES = 3000;
    /** Rounds over the set before timing, so the JIT has compiled the masker (a few seconds on a busy machine). */
    private static final int WARM_UP_ROUNDS = 100;
    private static final double THROUGHPUT_SECONDS = 3;

    private EvaluateMasking() {
    }

    public static void main(String[] args) throws IOException {
        Arguments arguments = new Arguments(args);
        long seed = (long) arguments.number("seed", DEFAULT_SEED);
        int count = (int) arguments.number("lines", DEFAULT_LINES);
        Path out = arguments.path("out", "src/target/masking/adversarial.jsonl");
        List<AdversarialMaskingSet.Line> lines = AdversarialMaskingSet.generate(seed, count);
        write(out, lines);
        System.out.printf(Locale.ROOT, "generated %d lines (seed %d) into %s%n", lines.size(), seed, out);

        PersonalDataMasker masker = new PersonalDataMasker();
        MaskingScore score = MaskingScore.of(masker, lines);
        score.print(System.out);
        score.misses().stream().limit((long) arguments.number("misses", 20)).forEach(System.out::println);
        printThroughput(masker, lines);
        System.out.printf(Locale.ROOT, "recall=%.4f (target >= 0.99) look_alikes_masked=%.4f (target <= 0.005)%n", score.recall(),
                score.lookAlikesMasked());
    }

    private static void printThroughput(PersonalDataMasker masker, List<AdversarialMaskingSet.Line> lines) {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            maskAll(masker, lines);
        }
        long started = System.nanoTime();
        long rounds = 0;
        while (System.nanoTime() - started < THROUGHPUT_SECONDS * 1e9) {
            maskAll(masker, lines);
            rounds++;
        }
        double perSecond = rounds / ((System.nanoTime() - started) / 1e9);
        long characters = lines.stream().mapToLong(line -> line.text().length()).sum();
        System.out.printf(Locale.ROOT, "throughput: %.0f lines/s, %.1f M characters/s on one thread (%d characters a line on average)%n",
                perSecond * lines.size(), perSecond * characters / 1e6, characters / lines.size());
    }

    private static void maskAll(PersonalDataMasker masker, List<AdversarialMaskingSet.Line> lines) {
        long maskedCharacters = 0;
        for (AdversarialMaskingSet.Line line : lines) {
            maskedCharacters += masker.mask(line.text()).length();
        }
        if (maskedCharacters == 0) {
            throw new IllegalStateException("the masker answered nothing");
        }
    }

    private static void write(Path file, List<AdversarialMaskingSet.Line> lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (AdversarialMaskingSet.Line line : lines) {
                ObjectNode node = Json.mapper().createObjectNode();
                node.put("text", line.text());
                ArrayNode spans = node.putArray("spans");
                for (AdversarialMaskingSet.Span span : line.spans()) {
                    spans.addObject().put("start", span.start()).put("end", span.end()).put("category", span.category())
                            .put("personal", span.personal()).put("value", line.text().substring(span.start(), span.end()));
                }
                writer.write(Json.mapper().writeValueAsString(node));
                writer.newLine();
            }
        }
    }
}

package com.govfeedback.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import com.govfeedback.shared.Json;
import com.govfeedback.triage.Taxonomy;
import com.govfeedback.triage.Triage;
import com.govfeedback.triage.model.LabelledText;
import com.govfeedback.triage.model.LinearModel;
import com.govfeedback.triage.text.TextNormalizer;

/**
 * {@code make train}: reads every {@code data/triage/corpus-*.jsonl} (or {@code sample.jsonl} when
 * there is none), trains on the lines outside the held-out split, writes the model, scores the
 * held-out split and writes it out for {@code make evaluate}.
 * Arguments (all optional): {@code corpus=DIR model=FILE heldout=FILE bits=N epochs=N l2=X rate=X}.
 */
public final class Train {
    private Train() {
    }

    public static void main(String[] args) throws IOException {
        Arguments arguments = new Arguments(args);
        Path corpusDir = arguments.path("corpus", "data/triage");
        Path modelFile = arguments.path("model", "src/main/resources/triage/model.bin");
        Path heldOutFile = arguments.path("heldout", "src/target/triage/heldout.jsonl");
        Trainer.Options defaults = Trainer.Options.defaults();
        Trainer.Options options = new Trainer.Options((int) arguments.number("bits", defaults.bucketBits()),
                (int) arguments.number("epochs", defaults.epochs()), arguments.number("rate", defaults.learningRate()),
                arguments.number("l2", defaults.l2()), defaults.seed());

        Taxonomy taxonomy = Taxonomy.loadDefault();
        TextNormalizer normalizer = TextNormalizer.loadDefault();
        Trainer trainer = new Trainer(taxonomy, normalizer);
        Split split = split(trainer, corpusDir);
        List<LabelledText> training = split.training();
        List<LabelledText> heldOut = split.heldOut();
        System.out.printf("training on %d lines, holding out %d%n", training.size(), heldOut.size());

        long started = System.nanoTime();
        LinearModel model = trainer.train(training, options);
        System.out.printf(Locale.ROOT, "trained in %.1f s with %s%n", (System.nanoTime() - started) / 1e9, options);
        Files.createDirectories(modelFile.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(modelFile)) {
            model.write(out);
        }
        System.out.printf("wrote %s (%d bytes)%n", modelFile, Files.size(modelFile));

        writeLines(heldOutFile, heldOut);
        System.out.println("held-out split (" + heldOutFile + "), scored with the written model:");
        Evaluation.of(new Triage(taxonomy, model, normalizer, Triage.DEFAULT_REVIEW_THRESHOLD), heldOut)
                .print(System.out);
    }

    /** The corpus lines to train on and those held out ({@link HeldOutSplit}). */
    record Split(List<LabelledText> training, List<LabelledText> heldOut) {
    }

    static Split split(Trainer trainer, Path corpusDir) throws IOException {
        List<LabelledText> training = new ArrayList<>();
        List<LabelledText> heldOut = new ArrayList<>();
        for (Path file : corpusFiles(corpusDir)) {
            List<LabelledText> lines = LabelledText.readJsonLines(file);
            System.out.printf("read %d lines from %s%n", lines.size(), file);
            for (LabelledText line : lines) {
                (HeldOutSplit.isHeldOut(trainer.modelText(line.text())) ? heldOut : training).add(line);
            }
        }
        return new Split(training, heldOut);
    }

    static List<Path> corpusFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "corpus-*.jsonl")) {
            stream.forEach(files::add);
        }
        if (files.isEmpty() && Files.exists(dir.resolve("sample.jsonl"))) {
            System.out.println("no corpus-*.jsonl in " + dir + ": training on the development sample only");
            files.add(dir.resolve("sample.jsonl"));
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no corpus-*.jsonl in " + dir.toAbsolutePath());
        }
        files.sort(null);
        return files;
    }

    private static void writeLines(Path file, List<LabelledText> lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (LabelledText line : lines) {
                ObjectNode node = Json.mapper().createObjectNode();
                node.put("text", line.text());
                node.put("type", line.type());
                node.put("domain", line.domain());
                node.putPOJO("alsoDomains", line.alsoDomains());
                node.putPOJO("tags", line.tags());
                writer.write(Json.mapper().writeValueAsString(node));
                writer.newLine();
            }
        }
    }
}

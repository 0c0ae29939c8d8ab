package com.govfeedback.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import com.govfeedback.shared.Json;
import com.govfeedback.triage.Triage;
import com.govfeedback.triage.TriageResult;
import com.govfeedback.triage.model.JsonLines;

/**
 * {@code make classify IN=a.jsonl OUT=b.jsonl}: writes each JSON line back with {@code type},
 * {@code colour}, {@code domain}, {@code alsoDomains}, {@code tags} and {@code maskedText} added.
 * Optional {@code taxonomy=FILE model=FILE}.
 */
public final class Classify {
    private Classify() {
    }

    public static void main(String[] args) throws IOException {
        Arguments arguments = new Arguments(args);
        Path in = arguments.requiredPath("in");
        Path out = arguments.requiredPath("out");
        Triage triage = Triage.load(arguments.path("taxonomy", null), arguments.path("model", null));
        long total;
        try (Stream<String> lines = Files.lines(in, StandardCharsets.UTF_8)) {
            total = lines.filter(line -> !line.isBlank()).count();
        }
        Progress progress = new Progress("classified", total);
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            JsonLines.forEach(in, node -> {
                if (!(node instanceof ObjectNode object) || !node.path("text").isTextual()) {
                    throw new IllegalArgumentException("expected an object with a \"text\" string");
                }
                TriageResult result = triage.triage(object.get("text").asText());
                object.put("type", result.type());
                object.put("colour", result.colour().name());
                object.put("domain", result.domain());
                object.set("alsoDomains", Json.mapper().valueToTree(result.alsoDomains()));
                object.set("tags", Json.mapper().valueToTree(result.tags()));
                object.put("maskedText", result.maskedText());
                writer.write(Json.mapper().writeValueAsString(object));
                writer.newLine();
                progress.step();
            });
        }
        progress.finish();
        System.out.println("wrote " + out);
    }
}

package com.govfeedback.triage.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One labelled corpus line: {@code {"text", "type", "domain", "alsoDomains", "tags"}}. */
public record LabelledText(String text, String type, String domain, List<String> alsoDomains, List<String> tags) {

    /** Reads a JSON-lines file; blank lines are skipped, a malformed line is reported with its file and number. */
    public static List<LabelledText> readJsonLines(Path file) throws IOException {
        List<LabelledText> lines = new ArrayList<>();
        JsonLines.forEach(file, node -> lines.add(of(node)));
        return lines;
    }

    static LabelledText of(JsonNode node) {
        String text = required(node, "text");
        return new LabelledText(text, required(node, "type"), required(node, "domain"), strings(node.get("alsoDomains")),
                strings(node.get("tags")));
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return List.copyOf(values);
    }
}

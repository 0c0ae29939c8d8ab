package com.govfeedback.triage.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.govfeedback.shared.Json;

/** Reads a JSON-lines file one document at a time; blank lines are skipped, a bad line is reported with its file and number. */
public final class JsonLines {
    private JsonLines() {
    }

    /** What to do with one line's document; an {@link IllegalArgumentException} names what is wrong with it. */
    public interface LineHandler {
        void accept(JsonNode line) throws IOException;
    }

    public static void forEach(Path file, LineHandler handler) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.mapper().readTree(line);
                } catch (IOException malformed) {
                    throw new IllegalArgumentException(file + ":" + number + ": " + malformed.getMessage(), malformed);
                }
                try {
                    handler.accept(node);
                } catch (IllegalArgumentException wrong) {
                    throw new IllegalArgumentException(file + ":" + number + ": " + wrong.getMessage(), wrong);
                }
            }
        }
    }
}

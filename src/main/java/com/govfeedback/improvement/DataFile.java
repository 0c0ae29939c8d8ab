package com.govfeedback.improvement;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.shared.Json;

/** Reads the improvement loop's data files (under {@code improvement/} on the classpath) as JSON trees, with errors naming the field. */
final class DataFile {
    private final String name;
    private final JsonNode root;

    private DataFile(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    static DataFile load(String classpathName) {
        try (InputStream in = DataFile.class.getClassLoader().getResourceAsStream(classpathName)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + classpathName + " is missing");
            }
            return new DataFile(classpathName, Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("classpath:" + classpathName + " is not valid JSON", e);
        }
    }

    JsonNode root() {
        return root;
    }

    JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new IllegalStateException(name + ": " + field + " must be an object");
        }
        return node;
    }

    String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IllegalStateException(name + ": " + field + " must be a non-empty string");
        }
        return node.asText();
    }

    double number(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isNumber() || node.asDouble() < 0) {
            throw new IllegalStateException(name + ": " + field + " must be a number of at least 0");
        }
        return node.asDouble();
    }

    int positiveInt(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.canConvertToInt() || node.asInt() < 1) {
            throw new IllegalStateException(name + ": " + field + " must be a positive whole number");
        }
        return node.asInt();
    }

    /** The template with every {@code {name}} replaced by its value. */
    static String fill(String template, java.util.Map<String, String> values) {
        String out = template;
        for (var entry : values.entrySet()) {
            out = out.replace("{" + entry.getKey() + "}", entry.getValue() == null ? "" : entry.getValue());
        }
        return out;
    }
}

package com.govfeedback.sla;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.shared.Json;

/**
 * Reads the SLA data files as JSON trees, from the classpath or an operator's directory, and reads their fields
 * with errors that name the file and the field. Trees, not data binding, so nothing needs reflection.
 */
public final class DataFiles {
    private final String description;
    private final Opener opener;

    private DataFiles(String description, Opener opener) {
        this.description = description;
        this.opener = opener;
    }

    /** Files under a fixed classpath folder, such as {@code sla/calendar/}. */
    static DataFiles classpath(String folder) {
        return new DataFiles("classpath:" + folder, name -> DataFiles.class.getClassLoader().getResourceAsStream(folder + name));
    }

    /** Files in a directory an operator chose. */
    static DataFiles directory(Path directory) {
        return new DataFiles(directory.toString() + "/", name -> {
            try {
                return Files.newInputStream(directory.resolve(name));
            } catch (NoSuchFileException e) {
                return null;
            }
        });
    }

    /** The parsed file; {@link SlaDataException} when it is missing or is not JSON. */
    JsonNode read(String name) {
        try (InputStream in = opener.open(name)) {
            if (in == null) {
                throw new SlaDataException(where(name) + ": file not found");
            }
            JsonNode root = Json.mapper().readTree(in);
            if (root == null || !root.isObject()) {
                throw new SlaDataException(where(name) + ": expected a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new SlaDataException(where(name) + ": cannot read: " + e.getMessage(), e);
        }
    }

    String where(String name) {
        return description + name;
    }

    public static JsonNode required(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new SlaDataException(path + "." + field + ": required");
        }
        return node;
    }

    public static String text(JsonNode parent, String field, String path) {
        JsonNode node = required(parent, field, path);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new SlaDataException(path + "." + field + ": expected a non-empty string");
        }
        return node.asText();
    }

    public static long positiveInt(JsonNode node, String path) {
        if (!node.isIntegralNumber() || node.asLong() <= 0) {
            throw new SlaDataException(path + ": expected a positive whole number, got " + node);
        }
        return node.asLong();
    }

    public static LocalDate date(JsonNode node, String path) {
        try {
            if (!node.isTextual()) {
                throw new DateTimeParseException("not a string", node.toString(), 0);
            }
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new SlaDataException(path + ": expected a date like 2026-10-01, got " + node);
        }
    }

    public static JsonNode array(JsonNode parent, String field, String path) {
        JsonNode node = required(parent, field, path);
        if (!node.isArray()) {
            throw new SlaDataException(path + "." + field + ": expected an array");
        }
        return node;
    }

    /** A window written {@code {"hours": n}} or {@code {"workingDays": n}}. */
    public static Window window(JsonNode node, String path) {
        String expected = ": expected {\"hours\": n} or {\"workingDays\": n}";
        if (!node.isObject() || node.size() != 1) {
            throw new SlaDataException(path + expected + ", got " + node);
        }
        if (node.has("hours")) {
            return Window.hours(positiveInt(node.get("hours"), path + ".hours"));
        }
        if (node.has("workingDays")) {
            return Window.workingDays(positiveInt(node.get("workingDays"), path + ".workingDays"));
        }
        throw new SlaDataException(path + expected + ", got " + node);
    }

    /** Rejects fields the reader does not know, so a misspelt key fails loudly instead of being ignored. */
    public static void onlyFields(JsonNode node, String path, Set<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new SlaDataException(path + ": unknown field '" + name + "' (expected one of " + new TreeSet<>(known) + ")");
            }
        });
    }

    @FunctionalInterface
    private interface Opener {
        /** The file's content, or null when there is no such file. */
        InputStream open(String name) throws IOException;
    }
}

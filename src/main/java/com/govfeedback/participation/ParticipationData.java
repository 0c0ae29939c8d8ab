package com.govfeedback.participation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.shared.Json;

/** Reads the participation data files shipped under {@code participation/} by their fixed names. */
public final class ParticipationData {
    private ParticipationData() {
    }

    public static JsonNode read(String name) {
        String resource = "participation/" + name;
        try (InputStream in = ParticipationData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing data file " + resource);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable data file " + resource, e);
        }
    }

    /** A required positive number in a data file; the file is refused at start-up rather than misread later. */
    public static int positive(JsonNode node, String field, String file) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || value.asInt() <= 0) {
            throw new IllegalStateException(file + ": " + field + " must be a positive whole number");
        }
        return value.asInt();
    }
}

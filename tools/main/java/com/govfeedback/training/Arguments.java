package com.govfeedback.training;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code key=value} command-line arguments of the triage tools, so a Makefile can pass IN=… and OUT=… through. */
final class Arguments {
    private final Map<String, String> values = new HashMap<>();

    Arguments(String[] args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got: " + arg);
            }
            values.put(arg.substring(0, eq).toLowerCase(java.util.Locale.ROOT), arg.substring(eq + 1));
        }
    }

    Path path(String key, String fallback) {
        String value = values.getOrDefault(key, fallback);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    Path requiredPath(String key) {
        Path path = path(key, null);
        if (path == null) {
            throw new IllegalArgumentException("missing argument " + key + "=PATH");
        }
        return path;
    }

    double number(String key, double fallback) {
        return values.containsKey(key) ? Double.parseDouble(values.get(key)) : fallback;
    }
}

package com.govfeedback.feedback.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.govfeedback.shared.Json;

/**
 * The lifecycle's windows and limits, read from {@value #CLASSPATH_FILE}: how long a citizen may rate and appeal, which
 * scores open a 回访 follow-up and by when, how often an unreachable citizen is called again and after how long, the
 * caps that keep a feedback item small, and how far ahead a DEFERRED feedback may be planned.
 */
public record LifecyclePolicy(Duration rateWithin, int followUpAtOrBelowScore, Duration followUpWithin, int followUpCallAttempts,
        Duration followUpRetry, Duration appealWithin,
        int publicNoteMaxChars, int internalNoteMaxChars, int internalNotesKept, int followersKept, int commentMaxChars,
        int deferMaxQuartersAhead) {

    public static final String CLASSPATH_FILE = "lifecycle/policy.json";
    private static final Set<String> FIELDS = Set.of("rateWithinDays", "followUpAtOrBelowScore", "followUpWithinHours",
            "followUpCallAttempts", "followUpRetryHours", "appealWithinDays", "publicNoteMaxChars", "internalNoteMaxChars", "internalNotesKept",
            "followersKept", "commentMaxChars", "deferMaxQuartersAhead");

    public static LifecyclePolicy loadDefault() {
        try (InputStream in = LifecyclePolicy.class.getClassLoader().getResourceAsStream(CLASSPATH_FILE)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + CLASSPATH_FILE + " is missing");
            }
            return parse(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("classpath:" + CLASSPATH_FILE + " is not valid JSON", e);
        }
    }

    static LifecyclePolicy parse(JsonNode root) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalStateException(CLASSPATH_FILE + "." + name + ": unknown field");
            }
        }
        return new LifecyclePolicy(Duration.ofDays(positive(root, "rateWithinDays")), positive(root, "followUpAtOrBelowScore"),
                Duration.ofHours(positive(root, "followUpWithinHours")), positive(root, "followUpCallAttempts"),
                Duration.ofHours(positive(root, "followUpRetryHours")), Duration.ofDays(positive(root, "appealWithinDays")),
                positive(root, "publicNoteMaxChars"), positive(root, "internalNoteMaxChars"), positive(root, "internalNotesKept"),
                positive(root, "followersKept"), positive(root, "commentMaxChars"), positive(root, "deferMaxQuartersAhead"));
    }

    private static int positive(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.canConvertToInt() || value.asInt() < 1) {
            throw new IllegalStateException(CLASSPATH_FILE + "." + field + ": expected a positive whole number");
        }
        return value.asInt();
    }
}

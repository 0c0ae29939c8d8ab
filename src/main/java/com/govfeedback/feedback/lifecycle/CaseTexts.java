package com.govfeedback.feedback.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.notify.Templates;
import com.govfeedback.shared.Json;

/**
 * The words the lifecycle writes into a case's history and its default notes, in the city's language: data in
 * {@value #CLASSPATH_FILE} beside the notification templates, with {name} placeholders.
 */
public final class CaseTexts {
    public static final String CLASSPATH_FILE = "notify/case-texts.json";

    /** Each text the lifecycle writes. */
    public enum Text {
        ACKNOWLEDGED, RECEIVED, ASSIGNED, TRANSFERRED, MERGED_AS_DUPLICATE, MERGED_UNRELATED, ABSORBED_DUPLICATE, RETRIAGED,
        RETRIAGED_WITH_NOTE, RETRIAGE_TRANSFER, APPEALED, APPEAL_REOPEN, APPEAL_UPHOLD, WITHDRAWN, WITHDRAWN_WITH_REASON, SUPPLEMENTED,
        FOLLOW_UP_SATISFIED, FOLLOW_UP_UNSATISFIED, FOLLOW_UP_RETRY, FOLLOW_UP_UNREACHABLE
    }

    private final Map<Text, String> texts;

    private CaseTexts(Map<Text, String> texts) {
        this.texts = texts;
    }

    public static CaseTexts loadDefault() {
        try (InputStream in = CaseTexts.class.getClassLoader().getResourceAsStream(CLASSPATH_FILE)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + CLASSPATH_FILE + " is missing");
            }
            return parse(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("classpath:" + CLASSPATH_FILE + " is not valid JSON", e);
        }
    }

    static CaseTexts parse(JsonNode root) {
        Map<Text, String> texts = new EnumMap<>(Text.class);
        for (Text text : Text.values()) {
            JsonNode value = root.get(text.name());
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new IllegalStateException(CLASSPATH_FILE + "." + text + ": missing or blank");
            }
            texts.put(text, value.asText());
        }
        return new CaseTexts(texts);
    }

    public String text(Text text) {
        return texts.get(text);
    }

    public String text(Text text, Map<String, String> params) {
        return Templates.fill(texts.get(text), params);
    }
}

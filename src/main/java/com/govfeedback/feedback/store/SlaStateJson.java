package com.govfeedback.feedback.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.govfeedback.shared.Json;
import com.govfeedback.sla.ClockKind;
import com.govfeedback.sla.Colour;
import com.govfeedback.sla.DataFiles;
import com.govfeedback.sla.SlaDataException;
import com.govfeedback.sla.SlaState;
import com.govfeedback.sla.Window;

/**
 * Writes an {@link SlaState} as JSON text (one attribute of the stored feedback) and reads it back, field by field,
 * with no reflection. Instants are ISO-8601 UTC; windows use the policy's notation ({@code {"hours": 2}}).
 */
public final class SlaStateJson {
    private static final String WHERE = "stored SLA state";

    private SlaStateJson() {
    }

    public static String write(SlaState state) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("colour", state.colour().name());
        root.put("feedbackType", state.feedbackType());
        root.put("submittedAt", state.submittedAt().toString());
        root.put("round", state.round());
        root.put("roundBaseLevel", state.roundBaseLevel());
        root.put("escalationLevel", state.escalationLevel());
        ArrayNode clocks = root.putArray("clocks");
        for (SlaState.Clock clock : state.clocks()) {
            ObjectNode node = clocks.addObject();
            node.put("kind", clock.kind().name());
            if (clock.window() != null) {
                node.putObject("window").put(clock.window().basis() == Window.Basis.HOURS ? "hours" : "workingDays",
                        clock.window().amount());
            }
            node.put("startedAt", clock.startedAt().toString());
            node.put("stoppedAt", text(clock.stoppedAt()));
            node.put("warningsSent", clock.warningsSent());
            node.put("breachRecorded", clock.breachRecorded());
        }
        ArrayNode pauses = root.putArray("pauses");
        for (SlaState.Pause pause : state.pauses()) {
            pauses.addObject().put("reason", pause.reason()).put("from", pause.from().toString())
                    .put("until", text(pause.until()));
        }
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an SLA state", e);
        }
    }

    /** The state written by {@link #write}; {@link SlaDataException} naming the field when the text is damaged. */
    public static SlaState read(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new SlaDataException(WHERE + ": not JSON: " + e.getOriginalMessage(), e);
        }
        List<SlaState.Clock> clocks = new ArrayList<>();
        int i = 0;
        for (JsonNode node : DataFiles.array(root, "clocks", WHERE)) {
            String at = WHERE + ".clocks[" + i++ + "]";
            JsonNode window = node.get("window");
            clocks.add(new SlaState.Clock(
                    ClockKind.valueOf(DataFiles.text(node, "kind", at)),
                    window == null || window.isNull() ? null : DataFiles.window(window, at + ".window"),
                    instant(node, "startedAt", at),
                    optionalInstant(node, "stoppedAt", at),
                    DataFiles.required(node, "warningsSent", at).asInt(),
                    DataFiles.required(node, "breachRecorded", at).asBoolean()));
        }
        List<SlaState.Pause> pauses = new ArrayList<>();
        i = 0;
        for (JsonNode node : DataFiles.array(root, "pauses", WHERE)) {
            String at = WHERE + ".pauses[" + i++ + "]";
            pauses.add(new SlaState.Pause(DataFiles.text(node, "reason", at), instant(node, "from", at),
                    optionalInstant(node, "until", at)));
        }
        JsonNode type = root.get("feedbackType");
        return new SlaState(
                Colour.valueOf(DataFiles.text(root, "colour", WHERE)),
                type == null || type.isNull() ? null : type.asText(),
                instant(root, "submittedAt", WHERE),
                DataFiles.required(root, "round", WHERE).asInt(),
                DataFiles.required(root, "roundBaseLevel", WHERE).asInt(),
                DataFiles.required(root, "escalationLevel", WHERE).asInt(),
                clocks, pauses);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(JsonNode node, String field, String path) {
        return Instant.parse(DataFiles.text(node, field, path));
    }

    private static Instant optionalInstant(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : instant(node, field, path);
    }
}

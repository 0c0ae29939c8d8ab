package com.govfeedback.improvement;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.shared.TransitionRefusedException;

/**
 * The tracker's statuses, labels, allowed moves and texts, read from {@value #CLASSPATH_FILE} so an operator can change
 * wording or moves without code.
 */
public final class Tracker {
    public static final String CLASSPATH_FILE = "improvement/tracker.json";

    private final Map<ImprovementStatus, String> labels;
    private final Map<ImprovementStatus, Set<ImprovementStatus>> moves;
    private final Map<String, String> texts;

    Tracker(Map<ImprovementStatus, String> labels, Map<ImprovementStatus, Set<ImprovementStatus>> moves, Map<String, String> texts) {
        this.labels = labels;
        this.moves = moves;
        this.texts = texts;
    }

    public static Tracker loadDefault() {
        DataFile file = DataFile.load(CLASSPATH_FILE);
        JsonNode statuses = file.object(file.root(), "statuses");
        Map<ImprovementStatus, String> labels = new EnumMap<>(ImprovementStatus.class);
        Map<ImprovementStatus, Set<ImprovementStatus>> moves = new EnumMap<>(ImprovementStatus.class);
        for (ImprovementStatus status : ImprovementStatus.values()) {
            JsonNode entry = file.object(statuses, status.name());
            labels.put(status, file.text(entry, "label"));
            Set<ImprovementStatus> to = EnumSet.noneOf(ImprovementStatus.class);
            entry.path("moves").forEach(move -> to.add(ImprovementStatus.valueOf(move.asText())));
            moves.put(status, to);
        }
        JsonNode textNode = file.object(file.root(), "texts");
        Map<String, String> texts = new java.util.HashMap<>();
        textNode.fieldNames().forEachRemaining(name -> texts.put(name, file.text(textNode, name)));
        for (String required : List.of("statusNotice", "progressNotice", "fixedReply", "regressionNote", "ownerRole", "tooFewSamples")) {
            if (!texts.containsKey(required)) {
                throw new IllegalStateException(CLASSPATH_FILE + ": texts." + required + " is missing");
            }
        }
        return new Tracker(labels, moves, Map.copyOf(texts));
    }

    public String label(ImprovementStatus status) {
        return labels.get(status);
    }

    public Set<ImprovementStatus> allowedFrom(ImprovementStatus from) {
        return moves.get(from);
    }

    /** Refuses a move the tracker does not allow (409), naming the moves it does. */
    public void requireAllowed(ImprovementStatus from, ImprovementStatus to) {
        if (!moves.get(from).contains(to)) {
            List<String> allowed = moves.get(from).stream().map(Enum::name).toList();
            throw new TransitionRefusedException("improvement in " + from + " (" + label(from) + ") cannot move to " + to + " ("
                    + label(to) + "); allowed: " + (allowed.isEmpty() ? "none, it is final" : String.join(", ", allowed)), allowed);
        }
    }

    /** A text from the data file with its {@code {placeholders}} filled. */
    public String text(String name, Map<String, String> values) {
        return DataFile.fill(texts.get(name), values);
    }
}

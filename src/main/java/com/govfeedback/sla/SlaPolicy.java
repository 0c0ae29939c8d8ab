package com.govfeedback.sla;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SLA policy, read from {@value #CLASSPATH_FILE} or an operator's file: per-colour windows, per-type overrides,
 * warning points, the escalation chain and its pace, the appeal window and the pause cap. Immutable once loaded.
 */
public final class SlaPolicy {
    public static final String CLASSPATH_FILE = "sla/policy.json";

    private static final Set<String> TOP_FIELDS = Set.of("colours", "typeOverrides", "warningFractions",
            "escalationChain", "appealAnswer", "maxTotalPause", "deferredNoticeEveryMonths");
    private static final Set<String> COLOUR_FIELDS = Set.of("acknowledge", "resolve", "escalateEvery");
    private static final Set<String> OVERRIDE_FIELDS = Set.of("acknowledge", "resolve");
    private static final String NO_DEADLINE = "NONE";

    private final Map<Colour, ColourRule> colours;
    private final Map<String, Map<ClockKind, Optional<Window>>> typeOverrides;
    private final List<Double> warningFractions;
    private final List<ChainLevel> escalationChain;
    private final Window appealAnswer;
    private final Duration maxTotalPause;
    private final int deferredNoticeEveryMonths;

    /** The windows of one colour; {@code escalateEvery} is how long an item stays overdue before the next level. */
    public record ColourRule(Window acknowledge, Window resolve, Window escalateEvery) {
    }

    /** One level of the escalation chain; level 0 is the assignee, who holds the item before any breach. */
    public record ChainLevel(String code, String name) {
    }

    private SlaPolicy(JsonNode root, String path) {
        DataFiles.onlyFields(root, path, TOP_FIELDS);
        this.colours = readColours(DataFiles.required(root, "colours", path), path + ".colours");
        this.typeOverrides = readOverrides(root.get("typeOverrides"), path + ".typeOverrides");
        this.warningFractions = readFractions(DataFiles.array(root, "warningFractions", path), path + ".warningFractions");
        this.escalationChain = readChain(DataFiles.array(root, "escalationChain", path), path + ".escalationChain");
        this.appealAnswer = DataFiles.window(DataFiles.required(root, "appealAnswer", path), path + ".appealAnswer");
        JsonNode pause = DataFiles.required(root, "maxTotalPause", path);
        DataFiles.onlyFields(pause, path + ".maxTotalPause", Set.of("calendarDays"));
        this.maxTotalPause = Duration.ofDays(DataFiles.positiveInt(
                DataFiles.required(pause, "calendarDays", path + ".maxTotalPause"), path + ".maxTotalPause.calendarDays"));
        this.deferredNoticeEveryMonths = (int) DataFiles.positiveInt(
                DataFiles.required(root, "deferredNoticeEveryMonths", path), path + ".deferredNoticeEveryMonths");
    }

    /** The policy shipped on the classpath. */
    public static SlaPolicy loadDefault() {
        DataFiles files = DataFiles.classpath("");
        return new SlaPolicy(files.read(CLASSPATH_FILE), files.where(CLASSPATH_FILE));
    }

    /** An operator's policy file, replacing the shipped one as a whole. */
    public static SlaPolicy load(Path file) {
        Path absolute = file.toAbsolutePath();
        DataFiles files = DataFiles.directory(absolute.getParent());
        String name = absolute.getFileName().toString();
        return new SlaPolicy(files.read(name), files.where(name));
    }

    private static Map<Colour, ColourRule> readColours(JsonNode node, String path) {
        Map<Colour, ColourRule> rules = new EnumMap<>(Colour.class);
        node.fields().forEachRemaining(entry -> {
            String at = path + "." + entry.getKey();
            Colour colour = colour(entry.getKey(), at);
            JsonNode rule = entry.getValue();
            DataFiles.onlyFields(rule, at, COLOUR_FIELDS);
            rules.put(colour, new ColourRule(
                    DataFiles.window(DataFiles.required(rule, "acknowledge", at), at + ".acknowledge"),
                    DataFiles.window(DataFiles.required(rule, "resolve", at), at + ".resolve"),
                    DataFiles.window(DataFiles.required(rule, "escalateEvery", at), at + ".escalateEvery")));
        });
        for (Colour colour : Colour.values()) {
            if (!rules.containsKey(colour)) {
                throw new SlaDataException(path + ": colour " + colour + " is missing");
            }
        }
        return Map.copyOf(rules);
    }

    private static Map<String, Map<ClockKind, Optional<Window>>> readOverrides(JsonNode node, String path) {
        Map<String, Map<ClockKind, Optional<Window>>> overrides = new HashMap<>();
        if (node == null) {
            return Map.of();
        }
        node.fields().forEachRemaining(entry -> {
            String at = path + "." + entry.getKey();
            DataFiles.onlyFields(entry.getValue(), at, OVERRIDE_FIELDS);
            Map<ClockKind, Optional<Window>> windows = new EnumMap<>(ClockKind.class);
            JsonNode acknowledge = entry.getValue().get("acknowledge");
            if (acknowledge != null) {
                windows.put(ClockKind.ACKNOWLEDGE, readOptionalWindow(acknowledge, at + ".acknowledge"));
            }
            JsonNode resolve = entry.getValue().get("resolve");
            if (resolve != null) {
                windows.put(ClockKind.RESOLVE, readOptionalWindow(resolve, at + ".resolve"));
            }
            overrides.put(entry.getKey(), Map.copyOf(windows));
        });
        return Map.copyOf(overrides);
    }

    private static Optional<Window> readOptionalWindow(JsonNode node, String path) {
        if (node.isTextual() && NO_DEADLINE.equals(node.asText())) {
            return Optional.empty();
        }
        return Optional.of(DataFiles.window(node, path));
    }

    private static List<Double> readFractions(JsonNode node, String path) {
        List<Double> fractions = new ArrayList<>();
        Set<Long> percents = new HashSet<>();
        for (JsonNode fraction : node) {
            double value = fraction.asDouble(Double.NaN);
            if (!fraction.isNumber() || !(value > 0 && value < 1)) {
                throw new SlaDataException(path + ": each warning point is a fraction strictly between 0 and 1, got " + fraction);
            }
            if (!fractions.isEmpty() && value <= fractions.get(fractions.size() - 1)) {
                throw new SlaDataException(path + ": warning points must be in increasing order, got " + node);
            }
            if (!percents.add(Math.round(value * 100))) {
                throw new SlaDataException(path + ": warning points must differ by at least 1%, got " + node);
            }
            fractions.add(value);
        }
        return List.copyOf(fractions);
    }

    private static List<ChainLevel> readChain(JsonNode node, String path) {
        List<ChainLevel> chain = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int i = 0;
        for (JsonNode level : node) {
            String at = path + "[" + i++ + "]";
            DataFiles.onlyFields(level, at, Set.of("code", "name"));
            ChainLevel entry = new ChainLevel(DataFiles.text(level, "code", at), DataFiles.text(level, "name", at));
            if (!codes.add(entry.code())) {
                throw new SlaDataException(at + ".code: " + entry.code() + " appears twice");
            }
            chain.add(entry);
        }
        if (chain.size() < 2) {
            throw new SlaDataException(path + ": needs the assignee and at least one level above");
        }
        return List.copyOf(chain);
    }

    private static Colour colour(String name, String path) {
        try {
            return Colour.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new SlaDataException(path + ": unknown colour (expected one of " + List.of(Colour.values()) + ")");
        }
    }

    public ColourRule colour(Colour colour) {
        return colours.get(colour);
    }

    /**
     * The window of the acknowledge or resolve clock for a colour and feedback type code (nullable); empty when the
     * type has no deadline on that clock (PRAISE is acknowledged but has no resolution deadline).
     */
    public Optional<Window> window(ClockKind clock, Colour colour, String feedbackType) {
        Map<ClockKind, Optional<Window>> override = feedbackType == null ? null : typeOverrides.get(feedbackType);
        if (override != null && override.containsKey(clock)) {
            return override.get(clock);
        }
        ColourRule rule = colours.get(colour);
        return switch (clock) {
            case ACKNOWLEDGE -> Optional.of(rule.acknowledge());
            case RESOLVE -> Optional.of(rule.resolve());
            case APPEAL -> Optional.of(appealAnswer);
        };
    }

    /** Fractions of each window at which a warning is sent, increasing (0.5 and 0.75 by default). */
    public List<Double> warningFractions() {
        return warningFractions;
    }

    /** Level 0 (the assignee) first, then each level an overdue item escalates to. */
    public List<ChainLevel> escalationChain() {
        return escalationChain;
    }

    public int topEscalationLevel() {
        return escalationChain.size() - 1;
    }

    public Window appealAnswer() {
        return appealAnswer;
    }

    /** The most calendar time the clocks of one round may stand still while waiting for the citizen. */
    public Duration maxTotalPause() {
        return maxTotalPause;
    }

    /** Months between two progress notices to the citizen while the feedback is DEFERRED. */
    public int deferredNoticeEveryMonths() {
        return deferredNoticeEveryMonths;
    }
}

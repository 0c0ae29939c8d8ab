package com.govfeedback.participation.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.participation.ParticipationData;
import com.govfeedback.participation.leaderboard.BoardPeriods;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.sla.CityZone;

/** Points per cause and daily caps ({@code participation/point-rules.json}), and the city's calendar periods (its zone from the calendar). */
public final class PointRules {
    private static final String FILE = "point-rules.json";

    /**
     * One way of earning points: how many, and the most a citizen earns this way in one day.
     *
     * @param feedbackTypes the feedback types this cause applies to; empty: any
     */
    public record Rule(String id, int points, int dailyCap, String title, Set<String> feedbackTypes) {
        public Rule {
            feedbackTypes = Set.copyOf(feedbackTypes);
        }

        public boolean appliesTo(String feedbackType) {
            return feedbackTypes.isEmpty() || feedbackTypes.contains(feedbackType);
        }
    }

    private final Map<String, Rule> rules;
    private final ZoneId zone;

    public PointRules(Map<String, Rule> rules, ZoneId zone) {
        this.rules = Map.copyOf(rules);
        this.zone = zone;
    }

    public static PointRules loadDefault() {
        JsonNode root = ParticipationData.read(FILE);
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (JsonNode rule : root.path("rules")) {
            String id = rule.path("id").asText();
            Set<String> types = new HashSet<>();
            rule.path("feedbackTypes").forEach(type -> types.add(type.asText()));
            rules.put(id, new Rule(id, ParticipationData.positive(rule, "points", FILE), ParticipationData.positive(rule, "dailyCap", FILE),
                    rule.path("title").asText(id), types));
        }
        return new PointRules(rules, CityZone.ZONE);
    }

    /** The rule by id; 422 for a cause no rule pays. */
    public Rule rule(String id) {
        Rule rule = id == null ? null : rules.get(id);
        if (rule == null) {
            throw new ValidationException("rule", "must be one of " + rules.keySet());
        }
        return rule;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** The 贡献榜 periods in the city's time zone. */
    public BoardPeriods periods() {
        return new BoardPeriods(zone);
    }
}

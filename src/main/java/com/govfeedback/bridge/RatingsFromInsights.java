package com.govfeedback.bridge;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.govfeedback.improvement.ports.RatingSource;
import com.govfeedback.insights.InsightCell;
import com.govfeedback.insights.InsightDelta;
import com.govfeedback.insights.InsightStore;

/**
 * The satisfaction measurement's counts, read from the daily SCREEN (or, for an improvement without screens, DOMAIN)
 * aggregates the dashboard's recorder keeps: one item per day and subject, never the feedback items.
 */
public final class RatingsFromInsights implements RatingSource {
    private static final String SCORE_PREFIX = "score.";

    private final InsightStore insights;

    public RatingsFromInsights(InsightStore insights) {
        this.insights = insights;
    }

    @Override
    public Tally tally(Set<String> screenPaths, Set<String> domains, LocalDate from, LocalDate until) {
        boolean byScreen = !screenPaths.isEmpty();
        Tally tally = Tally.NONE;
        for (InsightStore.InsightItem item : insights.read(byScreen ? InsightCell.Kind.SCREEN : InsightCell.Kind.DOMAIN,
                byScreen ? screenPaths : domains, from, until)) {
            Map<Integer, Long> scores = new HashMap<>();
            item.counters().forEach((name, count) -> {
                if (name.startsWith(SCORE_PREFIX)) {
                    scores.put(Integer.parseInt(name.substring(SCORE_PREFIX.length())), count);
                }
            });
            tally = tally.plus(new Tally(item.counters().getOrDefault(InsightDelta.FEEDBACK, 0L),
                    item.counters().getOrDefault(InsightDelta.NEGATIVE, 0L), scores));
        }
        return tally;
    }
}

package com.govfeedback.participation.levels;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.participation.ParticipationData;

/** 星级体验官: 1–5 stars by points earned in total, thresholds from {@code participation/star-levels.json}. */
public final class StarLevels {
    private static final String FILE = "star-levels.json";

    public record Level(int stars, long earned, String title) {
    }

    private final List<Level> levels;

    public StarLevels(List<Level> levels) {
        this.levels = levels.stream().sorted((a, b) -> Long.compare(a.earned(), b.earned())).toList();
    }

    public static StarLevels loadDefault() {
        List<Level> levels = new ArrayList<>();
        for (JsonNode level : ParticipationData.read(FILE).path("levels")) {
            levels.add(new Level(ParticipationData.positive(level, "stars", FILE), ParticipationData.positive(level, "earned", FILE),
                    level.path("title").asText()));
        }
        return new StarLevels(levels);
    }

    /** The stars for a total earned; 0 below the first threshold. Spending never lowers it, since it reads what was earned. */
    public int starsFor(long earned) {
        int stars = 0;
        for (Level level : levels) {
            if (earned >= level.earned()) {
                stars = level.stars();
            }
        }
        return stars;
    }

    public String title(int stars) {
        return levels.stream().filter(l -> l.stars() == stars).map(Level::title).findFirst().orElse("");
    }
}

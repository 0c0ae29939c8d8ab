package com.govfeedback.improvement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.improvement.ports.RatingSource;

/**
 * Measures whether satisfaction changed after a release: the 好差评 average and the negative-feedback rate for the
 * improvement's screens (or, without screens, its domains) over equal windows before and after the release date, with
 * sample sizes, and a note instead of a verdict when either window has fewer rated samples than the minimum.
 * Window length and minimum are data ({@value #CLASSPATH_FILE}).
 */
public final class SatisfactionChange {
    public static final String CLASSPATH_FILE = "improvement/satisfaction.json";

    private final Duration window;
    private final int minimumSamples;
    private final int badAtOrBelow;

    public SatisfactionChange(Duration window, int minimumSamples, int badAtOrBelow) {
        this.window = window;
        this.minimumSamples = minimumSamples;
        this.badAtOrBelow = badAtOrBelow;
    }

    public static SatisfactionChange loadDefault() {
        DataFile file = DataFile.load(CLASSPATH_FILE);
        JsonNode root = file.root();
        return new SatisfactionChange(Duration.ofDays(file.positiveInt(root, "windowDays")), file.positiveInt(root, "minimumSamplesPerWindow"),
                file.positiveInt(root, "badRatingAtOrBelow"));
    }

    /** One window's figures; averages are null without rated samples. */
    public record Window(Instant from, Instant to, int observations, int rated, Double averageScore, Double badRatingRate, Double negativeRate) {
    }

    /**
     * The measured change.
     *
     * @param complete      the after-window has ended (earlier measurements are provisional)
     * @param enoughSamples both windows have at least the minimum of rated samples
     * @param averageChange after − before average score (null when not enough samples)
     * @param negativeRateChange after − before negative rate (null when not enough samples)
     * @param note          the "too few samples" text when {@code enoughSamples} is false, otherwise null
     */
    public record Result(Window before, Window after, boolean complete, boolean enoughSamples, int minimumSamples, Double averageChange,
            Double negativeRateChange, String note) {
    }

    public Result measure(RatingSource source, Set<String> screenPaths, Set<String> domains, Instant releasedAt, Instant now, Tracker tracker) {
        Window before = summarise(source.observations(screenPaths, domains, releasedAt.minus(window), releasedAt), releasedAt.minus(window), releasedAt);
        Instant afterEnd = releasedAt.plus(window);
        Instant measuredUntil = now.isBefore(afterEnd) ? now : afterEnd;
        Window after = summarise(source.observations(screenPaths, domains, releasedAt, measuredUntil), releasedAt, measuredUntil);
        boolean enough = before.rated() >= minimumSamples && after.rated() >= minimumSamples;
        String note = enough ? null : tracker.text("tooFewSamples", Map.of("before", Integer.toString(before.rated()),
                "after", Integer.toString(after.rated()), "minimum", Integer.toString(minimumSamples)));
        return new Result(before, after, !now.isBefore(afterEnd), enough, minimumSamples,
                enough ? round(after.averageScore() - before.averageScore()) : null,
                enough ? round(after.negativeRate() - before.negativeRate()) : null, note);
    }

    Window summarise(List<RatingSource.Observation> observations, Instant from, Instant to) {
        int rated = 0;
        int bad = 0;
        int negative = 0;
        long sum = 0;
        for (RatingSource.Observation o : observations) {
            if (o.negative()) {
                negative++;
            }
            if (o.score() != null) {
                rated++;
                sum += o.score();
                if (o.score() <= badAtOrBelow) {
                    bad++;
                }
            }
        }
        int total = observations.size();
        return new Window(from, to, total, rated, rated == 0 ? null : round((double) sum / rated), rated == 0 ? null : round((double) bad / rated),
                total == 0 ? null : round((double) negative / total));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

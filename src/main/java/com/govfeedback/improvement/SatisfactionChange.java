package com.govfeedback.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.improvement.ports.RatingSource;
import com.govfeedback.sla.CityZone;

/**
 * Measures whether satisfaction changed after a release: the 好差评 average and the negative-feedback rate for the
 * improvement's screens (or, without screens, its domains) over equal windows of whole Beijing days before and after the
 * release day, with sample sizes, and a note instead of a verdict when either window has fewer rated samples than the
 * minimum.
 * Window length and minimum are data ({@value #CLASSPATH_FILE}).
 */
public final class SatisfactionChange {
    public static final String CLASSPATH_FILE = "improvement/satisfaction.json";


    private final Period window;
    private final int minimumSamples;
    private final int badAtOrBelow;

    public SatisfactionChange(Period window, int minimumSamples, int badAtOrBelow) {
        this.window = window;
        this.minimumSamples = minimumSamples;
        this.badAtOrBelow = badAtOrBelow;
    }

    public static SatisfactionChange loadDefault() {
        DataFile file = DataFile.load(CLASSPATH_FILE);
        JsonNode root = file.root();
        return new SatisfactionChange(Period.ofDays(file.positiveInt(root, "windowDays")), file.positiveInt(root, "minimumSamplesPerWindow"),
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

    /**
     * The change for a release at {@code releasedAt}, measured at {@code now} from whole Beijing days: the window of days
     * before the release day against the window from the release day on, the latter only up to the day before today
     * while it is still open.
     */
    public Result measure(RatingSource source, Set<String> screenPaths, Set<String> domains, Instant releasedAt, Instant now, Tracker tracker) {
        LocalDate releaseDay = releasedAt.atZone(CityZone.ZONE).toLocalDate();
        LocalDate beforeStart = releaseDay.minus(window);
        LocalDate afterEnd = releaseDay.plus(window);
        LocalDate today = now.atZone(CityZone.ZONE).toLocalDate();
        LocalDate measuredUntil = today.isBefore(afterEnd) ? today : afterEnd;
        Window before = summarise(source.tally(screenPaths, domains, beforeStart, releaseDay), beforeStart, releaseDay);
        Window after = summarise(source.tally(screenPaths, domains, releaseDay, measuredUntil), releaseDay, measuredUntil);
        boolean enough = before.rated() >= minimumSamples && after.rated() >= minimumSamples;
        String note = enough ? null : tracker.text("tooFewSamples", Map.of("before", Integer.toString(before.rated()),
                "after", Integer.toString(after.rated()), "minimum", Integer.toString(minimumSamples)));
        return new Result(before, after, !today.isBefore(afterEnd), enough, minimumSamples,
                enough ? round(after.averageScore() - before.averageScore()) : null,
                enough ? round(after.negativeRate() - before.negativeRate()) : null, note);
    }

    Window summarise(RatingSource.Tally tally, LocalDate from, LocalDate until) {
        long rated = tally.rated();
        long sum = 0;
        long bad = 0;
        for (Map.Entry<Integer, Long> score : tally.scores().entrySet()) {
            sum += score.getKey() * score.getValue();
            if (score.getKey() <= badAtOrBelow) {
                bad += score.getValue();
            }
        }
        return new Window(from.atStartOfDay(CityZone.ZONE).toInstant(), until.atStartOfDay(CityZone.ZONE).toInstant(), (int) tally.feedback(), (int) rated,
                rated == 0 ? null : round((double) sum / rated), rated == 0 ? null : round((double) bad / rated),
                tally.feedback() == 0 ? null : round((double) tally.negative() / tally.feedback()));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

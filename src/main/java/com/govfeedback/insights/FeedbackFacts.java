package com.govfeedback.insights;

import java.time.Duration;
import java.time.LocalDate;

import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.Status;
import com.govfeedback.sla.CityZone;
import com.govfeedback.sla.ClockKind;
import com.govfeedback.sla.SlaState;

/**
 * What the leaders' figures need from one image of a feedback item, and nothing else.
 *
 * @param receivedDay    the Beijing date of submission: the day its counts and times are filed under
 * @param acknowledged   the acknowledge clock once stopped (null while running)
 * @param resolved       the resolve clock once stopped (null while running or without a deadline)
 * @param ratedDay       the Beijing date of the citizen's rating, null when unrated; {@code score} 1–5
 * @param screenPath     the app screen it was sent from, or null
 * @param domain         its classified service domain
 * @param negative       its sentiment was negative
 * @param clusterId      the similar-feedback cluster it joined (the first feedback's id), or its own id when it joined none
 */
public record FeedbackFacts(String id, long version, LocalDate receivedDay, String department, String colour, String status,
        StoppedClock acknowledged, StoppedClock resolved, LocalDate ratedDay, int score, String screenPath, String domain, boolean negative,
        String clusterId) {
    static final String NEGATIVE_SENTIMENT = "negative";

    /** A stopped clock: how long it ran and whether the sweep recorded its breach (late). */
    public record StoppedClock(Duration took, boolean late) {
    }

    public static FeedbackFacts of(Feedback f) {
        CaseFile.Rating rating = f.caseFile().rating();
        // a withdrawn feedback's clocks stopped without anyone handling it: counted by status, never as a response time
        boolean handled = f.status() != Status.WITHDRAWN;
        return new FeedbackFacts(f.id(), f.version(), f.receivedAt().atZone(CityZone.ZONE).toLocalDate(), f.triage().department(),
                f.sla().colour().name(), f.status().name(), handled ? stopped(f.sla(), ClockKind.ACKNOWLEDGE) : null,
                handled ? stopped(f.sla(), ClockKind.RESOLVE) : null,
                rating == null ? null : rating.at().atZone(CityZone.ZONE).toLocalDate(), rating == null ? 0 : rating.score(),
                f.context().screenPath(), f.triage().domain(), NEGATIVE_SENTIMENT.equals(f.triage().sentiment()), f.similar().clusterId());
    }

    private static StoppedClock stopped(SlaState sla, ClockKind kind) {
        return sla.clock(kind).filter(c -> c.stoppedAt() != null && c.window() != null)
                .map(c -> new StoppedClock(Duration.between(c.startedAt(), c.stoppedAt()), c.breachRecorded())).orElse(null);
    }
}

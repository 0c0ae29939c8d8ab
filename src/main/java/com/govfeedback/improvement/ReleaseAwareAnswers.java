package com.govfeedback.improvement;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.govfeedback.improvement.ports.FeedbackFacts;

/**
 * Decides what a new feedback that matches a released improvement gets: sent from an app version below the fixed one,
 * an immediate "fixed in X, please upgrade" reply; from the fixed version or later, a possible regression for staff.
 * A released improvement matches when the feedback is in one of its clusters, or on one of its screens with its type.
 */
public final class ReleaseAwareAnswers {
    private final Tracker tracker;

    public ReleaseAwareAnswers(Tracker tracker) {
        this.tracker = tracker;
    }

    public enum Kind {
        /** The citizen's app predates the fix: reply at once and link. */
        FIXED_IN_LATER_VERSION,
        /** The citizen runs the fixed version or later: staff look at it as a possible regression. */
        POSSIBLE_REGRESSION
    }

    /** The decision: which improvement, its fixed version and the text to post (public reply or internal note). */
    public record Answer(Kind kind, String improvementId, String fixedVersion, String text) {
    }

    public static boolean matches(Improvement released, FeedbackFacts.Fact feedback) {
        if (feedback.clusterId() != null && released.clusterIds().contains(feedback.clusterId())) {
            return true;
        }
        return feedback.screenPath() != null && released.screenPaths().contains(feedback.screenPath())
                && released.feedbackType() != null && released.feedbackType().equals(feedback.type());
    }

    /**
     * The answer for {@code feedback} among {@code released} improvements (any status is ignored but RELEASED), or empty
     * when none matches or the feedback carries no comparable app version. Below several fixes, the earliest fixing version
     * answers; at or above all of them, the latest is the one that regressed.
     */
    public Optional<Answer> decide(FeedbackFacts.Fact feedback, List<Improvement> released) {
        if (!AppVersion.isValid(feedback.appVersion())) {
            return Optional.empty();
        }
        AppVersion sentFrom = AppVersion.parse(feedback.appVersion(), "appVersion");
        List<Improvement> matching = released.stream()
                .filter(i -> i.status() == ImprovementStatus.RELEASED && i.release() != null && AppVersion.isValid(i.release().appVersion()))
                .filter(i -> matches(i, feedback))
                .sorted(Comparator.comparing(i -> AppVersion.parse(i.release().appVersion(), "appVersion")))
                .toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        for (Improvement fix : matching) {
            if (sentFrom.isBelow(AppVersion.parse(fix.release().appVersion(), "appVersion"))) {
                String version = fix.release().appVersion();
                return Optional.of(new Answer(Kind.FIXED_IN_LATER_VERSION, fix.id(), version, tracker.text("fixedReply", Map.of("version", version))));
            }
        }
        Improvement latest = matching.get(matching.size() - 1);
        String version = latest.release().appVersion();
        return Optional.of(new Answer(Kind.POSSIBLE_REGRESSION, latest.id(), version, tracker.text("regressionNote",
                Map.of("title", latest.title(), "version", version, "appVersion", feedback.appVersion()))));
    }
}

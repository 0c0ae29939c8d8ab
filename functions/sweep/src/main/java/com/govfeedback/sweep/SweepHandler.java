package com.govfeedback.sweep;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

import com.govfeedback.audit.DailyAnchors;
import com.govfeedback.deploy.DeployNames;
import com.govfeedback.feedback.sweep.DueSweep;
import com.govfeedback.feedback.sweep.SweepReport;
import com.govfeedback.improvement.ports.RatingSource;
import com.govfeedback.improvement.service.ImprovementService;
import com.govfeedback.participation.events.ParticipationEvents;
import com.govfeedback.sla.CityZone;

/**
 * The every-minute sweep (EventBridge schedule → {@code QUARKUS_LAMBDA_HANDLER=sweep}). It acts as of the event's
 * scheduled {@code time} (never later than now, so a hand-made event cannot bring deadlines forward), stops a safety
 * margin before the Lambda time limit, prints the {@code OverdueUnhandled} metric line on every run, and answers the
 * run's counts. Then the improvement loop's step: this quarter's LONG_TERM progress notices and the pending notice
 * fan-outs, and once a day (the run scheduled at {@code feedback.improvements.measure-satisfaction-at}, Beijing time) the
 * satisfaction change of released improvements. Last, the audit chains' anchor for every completed day not anchored yet
 * (one query when there is none; a failure fails the run, so the function's error alarm tells, and the next run tries
 * again). The event is read as a plain map: only {@code time} is used.
 */
@Named(DeployNames.SWEEP_HANDLER)
public class SweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = Logger.getLogger(SweepHandler.class);
    /** Lambda's own limit; a larger "remaining time" means the invocation carried no deadline. */
    private static final Duration LONGEST_INVOCATION = Duration.ofMinutes(15);


    /** Half-done awards and redemptions finished per run; the next minute's run takes the rest. */
    static final int PARTICIPATION_REDRIVES_PER_RUN = 100;

    private final DueSweep sweep;
    private final ImprovementService improvements;
    private final RatingSource ratings;
    private final ParticipationEvents participation;
    private final DailyAnchors anchors;
    private final SweepConfig config;

    public SweepHandler(DueSweep sweep, ImprovementService improvements, RatingSource ratings, ParticipationEvents participation,
            DailyAnchors anchors, SweepConfig config) {
        this.sweep = sweep;
        this.improvements = improvements;
        this.ratings = ratings;
        this.participation = participation;
        this.anchors = anchors;
        this.config = config;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Duration budget = budget(context.getRemainingTimeInMillis(), config.sweep().safetyMargin(), config.sweep().runWithoutDeadline());
        long deadline = System.nanoTime() + budget.toNanos();
        Instant asOf = asOf(event, Instant.now());
        SweepReport report = sweep.run(asOf, () -> System.nanoTime() < deadline, false);
        System.out.println(OverdueMetric.line(report, Instant.now()));
        Map<String, Object> answer = new LinkedHashMap<>(report.asMap());
        ImprovementService.SweepResult loop = improvements.sweep(config.improvements().fanOutsPerRun());
        answer.put("progressNoticesStarted", loop.progressNoticesStarted());
        answer.put("improvementNoticesWritten", loop.fanOut().written());
        answer.put("fanOutsFinished", loop.fanOut().finished());
        // awards and redemptions a crash left half done, older than a minute so none still in flight is touched
        answer.put("participationRedriven", participation.redrive(asOf.minus(Duration.ofMinutes(1)), PARTICIPATION_REDRIVES_PER_RUN));
        if (measuresSatisfaction(asOf, config.improvements().measureSatisfactionAt())) {
            answer.put("satisfactionMeasured", improvements.measureSatisfaction(ratings));
        }
        answer.put("auditDaysAnchored", anchors.anchorCompletedDays(asOf).size());
        return answer;
    }

    /** The once-a-day run: the one scheduled in the minute of {@code at}, Beijing time. */
    static boolean measuresSatisfaction(Instant asOf, LocalTime at) {
        return asOf.atZone(CityZone.ZONE).toLocalTime().truncatedTo(ChronoUnit.MINUTES).equals(at.truncatedTo(ChronoUnit.MINUTES));
    }

    /** The time this run may use: what Lambda leaves minus the safety margin, or the configured run time without a deadline. */
    static Duration budget(int remainingMillis, Duration safetyMargin, Duration withoutDeadline) {
        if (remainingMillis <= 0 || remainingMillis > LONGEST_INVOCATION.toMillis()) {
            return withoutDeadline;
        }
        Duration left = Duration.ofMillis(remainingMillis).minus(safetyMargin);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The scheduled time of the event, or now when it has none or it lies in the future. */
    static Instant asOf(Map<String, Object> event, Instant now) {
        Object time = event == null ? null : event.get("time");
        if (!(time instanceof String text)) {
            return now;
        }
        try {
            Instant scheduled = Instant.parse(text);
            return scheduled.isAfter(now) ? now : scheduled;
        } catch (DateTimeParseException e) {
            LOG.warnf("the event's time %s is not an ISO-8601 instant; sweeping as of now", text);
            return now;
        }
    }
}

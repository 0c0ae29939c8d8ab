package com.govfeedback.sweep;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

import com.govfeedback.deploy.DeployNames;
import com.govfeedback.feedback.sweep.DueSweep;
import com.govfeedback.feedback.sweep.SweepReport;

/**
 * The every-minute sweep (EventBridge schedule → {@code QUARKUS_LAMBDA_HANDLER=sweep}). It acts as of the event's
 * scheduled {@code time} (never later than now, so a hand-made event cannot bring deadlines forward), stops a safety
 * margin before the Lambda time limit, prints the {@code OverdueUnhandled} metric line on every run, and answers the
 * run's counts. The event is read as a plain map: only {@code time} is used.
 */
@Named(DeployNames.SWEEP_HANDLER)
public class SweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = Logger.getLogger(SweepHandler.class);
    /** Lambda's own limit; a larger "remaining time" means the invocation carried no deadline. */
    private static final Duration LONGEST_INVOCATION = Duration.ofMinutes(15);

    private final DueSweep sweep;
    private final SweepConfig config;

    public SweepHandler(DueSweep sweep, SweepConfig config) {
        this.sweep = sweep;
        this.config = config;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Duration budget = budget(context.getRemainingTimeInMillis(), config.sweep().safetyMargin(), config.sweep().runWithoutDeadline());
        long deadline = System.nanoTime() + budget.toNanos();
        SweepReport report = sweep.run(asOf(event, Instant.now()), () -> System.nanoTime() < deadline, false);
        System.out.println(OverdueMetric.line(report, Instant.now()));
        return report.asMap();
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

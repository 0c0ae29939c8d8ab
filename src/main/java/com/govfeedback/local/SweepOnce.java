package com.govfeedback.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.govfeedback.audit.AuditStore;
import com.govfeedback.audit.DailyAnchors;
import com.govfeedback.audit.LocalAnchorFiles;
import com.govfeedback.bridge.ImprovementLoop;
import com.govfeedback.bridge.RatingsFromInsights;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.sweep.DueSweep;
import com.govfeedback.feedback.sweep.SweepSettings;
import com.govfeedback.improvement.service.ImprovementService;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.insights.InsightStore;
import com.govfeedback.participation.assembly.ParticipationServices;
import com.govfeedback.sla.SlaRules;
import com.govfeedback.storage.LocalStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One sweep against the local store, for {@code make sweep} and the every-minute loop of {@code make run}: the SLA sweep,
 * then the improvement loop's step (progress notices, pending fan-outs, the satisfaction change). Settings
 * from the environment: {@code DYNAMODB_ENDPOINT} (http://localhost:8000), {@code FEEDBACK_TABLE_NAME} (feedback),
 * {@code AT} (an ISO-8601 instant or offset time to act as of; default now), {@code DRY_RUN=1} (change nothing) and
 * {@code NOTIFICATIONS_FILE} (.local/notifications.jsonl: where the notifications it writes are delivered, as the local
 * API delivers its own; empty for none). Then the audit chains' daily anchors, as files in {@code AUDIT_ANCHOR_DIR}
 * (.local/audit/anchors), for every completed day not anchored yet.
 */
public final class SweepOnce {
    private static final Logger LOG = Logger.getLogger(SweepOnce.class);

    private SweepOnce() {
    }

    public static void main(String[] args) {
        String table = LocalStore.table();
        Instant at = parseAt(LocalStore.env("AT", ""));
        String dryRunFlag = LocalStore.env("DRY_RUN", "");
        boolean dryRun = !dryRunFlag.isEmpty() && !dryRunFlag.equals("0") && !dryRunFlag.equalsIgnoreCase("false");
        try (DynamoDbClient dynamo = LocalStore.client()) {
            String sink = LocalStore.env("NOTIFICATIONS_FILE", ".local/notifications.jsonl");
            // a rehearsal (AT=…) delivers as of that time too, or its notifications would wait for the real clock
            Clock asOf = Clock.fixed(at, ZoneOffset.UTC);
            LocalStream stream = sink.isBlank() ? null : LocalStream.to(dynamo, table, Path.of(sink), asOf);
            FeedbackRepository repository = stream == null ? new FeedbackRepository(dynamo, table) : stream.repository();
            DueSweep sweep = new DueSweep(repository, shippedClocks(), SweepSettings.DEFAULT);
            // DueSweep logs the counts
            sweep.run(at, () -> true, dryRun);
            if (!dryRun) {
                improvementStep(dynamo, table, stream == null ? new ImprovementStore(dynamo, table) : stream.improvementStore(), repository, asOf);
                DailyAnchors anchors = new DailyAnchors(new AuditStore(dynamo, table, asOf),
                        new LocalAnchorFiles(Path.of(LocalStore.env("AUDIT_ANCHOR_DIR", ".local/audit/anchors"))));
                LOG.infof("audit anchors written for %s", anchors.anchorCompletedDays(at));
            }
        }
    }

    /** The improvement loop's step, as the sweep function runs it; locally the satisfaction change is measured on every run. */
    private static void improvementStep(DynamoDbClient dynamo, String table, ImprovementStore store, FeedbackRepository repository, Clock asOf) {
        ImprovementService improvements = ImprovementLoop.forSweep(dynamo, table, store, repository, shippedClocks(), asOf);
        ImprovementService.SweepResult result = improvements.sweep(Integer.MAX_VALUE);
        int measured = improvements.measureSatisfaction(new RatingsFromInsights(new InsightStore(dynamo, table)));
        int redriven = ParticipationServices.over(dynamo, table, asOf).events().redrive(asOf.instant().minusSeconds(60), Integer.MAX_VALUE);
        LOG.infof("improvements: %d progress notices started, %d notices written, %d satisfaction changes measured; %d half-done awards "
                + "and redemptions finished", result.progressNoticesStarted(), result.fanOut().written(), measured, redriven);
    }

    /** The SLA services on the shipped policy and calendar, wired as the functions wire them. */
    public static FeedbackClocks shippedClocks() {
        SlaRules sla = SlaRules.load(Optional.empty(), Optional.empty());
        return new FeedbackClocks(sla.clocks(), sla.timers());
    }

    /** Empty means now; else {@code 2026-03-02T04:00:00Z} or {@code 2026-03-02T12:00+08:00}. */
    public static Instant parseAt(String text) {
        if (text.isBlank()) {
            return Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("AT must be an ISO-8601 time with an offset, e.g. 2026-03-02T12:00+08:00 or "
                    + "2026-03-02T04:00:00Z; got " + text, e);
        }
    }
}

package com.govfeedback.feedback.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.CaseAction;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.sweep.SweepFixtures;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.notify.Recipient;
import com.govfeedback.shared.Ids;
import com.govfeedback.sla.ClockKind;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the improvement loop does to a case, on the local store: each action is one history step with its own
 * notification, and a repeat (a re-driven fan-out, a retried submission) changes nothing.
 */
class ImprovementCaseActionsTest {
    private static final Instant SUBMITTED = SweepFixtures.at("2026-03-02T10:00");

    private final FeedbackRepository repository;
    private final ImprovementCaseActions actions;

    ImprovementCaseActionsTest() {
        DynamoDbClient dynamo = Dynalite.shared().client();
        String table = Dynalite.tableName() + "-case-actions-" + UUID.randomUUID();
        LocalTableBootstrap.createIfMissing(dynamo, table);
        repository = new FeedbackRepository(dynamo, table);
        actions = new ImprovementCaseActions(repository, SweepFixtures.CLOCKS, LifecyclePolicy.loadDefault(),
                Clock.fixed(SUBMITTED.plusSeconds(3600), ZoneOffset.UTC));
    }

    private Feedback stored() {
        Feedback feedback = SweepFixtures.open("ORANGE", "MALFUNCTION", SUBMITTED, Ids.newId(SUBMITTED));
        repository.insert(feedback);
        return feedback;
    }

    private long steps(Feedback f, CaseAction action) {
        return f.caseFile().history().stream().filter(s -> s.action() == action).count();
    }

    @Test
    void aReleaseResolvesAnOpenCaseOnceAndTellsTheCitizen() {
        Feedback open = stored();
        actions.resolveByRelease(open.id(), "已在 5.10.0 版本修复");
        actions.resolveByRelease(open.id(), "已在 5.10.0 版本修复");
        Feedback resolved = repository.find(open.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(Status.RESOLVED);
        assertThat(steps(resolved, CaseAction.RELEASE_RESOLVE)).isEqualTo(1);
        assertThat(resolved.caseFile().history().get(resolved.caseFile().history().size() - 1).by()).isEqualTo(ImprovementCaseActions.ACTOR);
        assertThat(resolved.outbox()).filteredOn(n -> n.event() == NotificationEvent.STATUS_CHANGED)
                .extracting(n -> n.recipient().kind()).containsExactly(Recipient.Kind.CITIZEN);
        assertThat(resolved.version()).isEqualTo(open.version() + 1);
    }

    @Test
    void anAutomaticReplyIsPostedOnceAndARegressionNoteIsForStaffOnly() {
        Feedback open = stored();
        actions.replyAutomatically(open.id(), "该问题已在 5.10.0 版本修复，请升级后再试");
        actions.replyAutomatically(open.id(), "该问题已在 5.10.0 版本修复，请升级后再试");
        actions.notePossibleRegression(open.id(), "疑似回归");
        actions.notePossibleRegression(open.id(), "疑似回归");
        Feedback answered = repository.find(open.id()).orElseThrow();
        assertThat(answered.status()).isEqualTo(Status.SUBMITTED);
        assertThat(steps(answered, CaseAction.AUTOMATIC_REPLY)).isEqualTo(1);
        assertThat(steps(answered, CaseAction.REGRESSION_NOTE)).isEqualTo(1);
        assertThat(answered.caseFile().history()).filteredOn(s -> s.action() == CaseAction.REGRESSION_NOTE)
                .allSatisfy(s -> assertThat(s.publicNote()).isNull());
        assertThat(answered.outbox()).extracting(n -> n.event() + " " + n.recipient().kind())
                .containsExactly("REPLIED CITIZEN", "POSSIBLE_REGRESSION DEPARTMENT");
        assertThat(answered.sla().clock(ClockKind.ACKNOWLEDGE).orElseThrow().isRunning()).as("a reply acknowledges").isFalse();
    }
}

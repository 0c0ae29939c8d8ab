package com.govfeedback.feedback.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Channel;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackContext;
import com.govfeedback.feedback.Similarity;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.intake.TrackingNumbers;
import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.sweep.SweepFixtures;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.Ids;
import com.govfeedback.sla.Colour;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;
import com.govfeedback.triage.TriageResult;
import com.govfeedback.triage.similar.SimilaritySignature;
import com.govfeedback.triage.text.TextNormalizer;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A copied department does its part (reads, replies) but only the lead department decides the case. */
class CopiedDepartmentTest {
    private static final String LEAD = "NATURAL_RESOURCES_BUREAU";
    private static final String COPIED = "HOUSING_FUND_CENTER";

    @Test
    void aCopiedDepartmentMayReplyButNotChangeTheStatus() {
        DynamoDbClient dynamo = Dynalite.shared().client();
        String table = Dynalite.tableName() + "-copied-" + UUID.randomUUID();
        LocalTableBootstrap.createIfMissing(dynamo, table);
        Instant submitted = Instant.parse("2026-03-02T02:00:00Z");
        Clock clock = Clock.fixed(submitted.plusSeconds(600), ZoneOffset.UTC);
        FeedbackRepository repository = new FeedbackRepository(dynamo, table);
        FeedbackViews views = new FeedbackViews(SweepFixtures.CLOCKS,
                new SimilarFeedback(dynamo, table, new SimilaritySignature(TextNormalizer.loadDefault())), clock);
        CaseService cases = new CaseService(repository, SweepFixtures.CLOCKS, views, LifecyclePolicy.loadDefault(),
                new RequestRules(LifecyclePolicy.loadDefault(), Set.of(LEAD, COPIED), SweepFixtures.CLOCKS.zone()), CaseTexts.loadDefault(), clock);

        String id = Ids.newId(submitted);
        TriageResult triage = new TriageResult("房子过户后公积金贷款也要跑一趟", "COMPLAINT", Colour.ORANGE, "REAL_ESTATE", List.of("HOUSING_FUND"),
                LEAD, List.of(COPIED), List.of(), "negative", -0.4, 0.9, 0.9, List.of(), false);
        repository.insert(SweepFixtures.CLOCKS.started(new Feedback(id, TrackingNumbers.of(id, submitted, SweepFixtures.CLOCKS.zone()), "citizen-1", Status.SUBMITTED,
                submitted, triage.maskedText(), Channel.APP, FeedbackContext.EMPTY, triage, null, null, null,
                new Similarity(id, new long[SimilaritySignature.SIGNATURE_LENGTH]), List.of(), 1, CaseFile.EMPTY, null)));

        Caller copiedStaff = new Caller("staff-copied", Role.STAFF, COPIED);
        assertThat(cases.reply(copiedStaff, new CaseRequests.Reply(id, "公积金部分由我们负责", null, 1L)).version()).isEqualTo(2);
        assertThatThrownBy(() -> cases.transition(copiedStaff, new CaseRequests.Transition(id, "REJECTED", "不予采纳", null, null, 2L)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining(LEAD);

        Caller leadStaff = new Caller("staff-lead", Role.STAFF, LEAD);
        assertThat(cases.transition(leadStaff, new CaseRequests.Transition(id, "ACCEPTED", "已受理", null, null, 2L)).status())
                .isEqualTo(Status.ACCEPTED);
    }
}

package com.govfeedback.feedback.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
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
import com.govfeedback.feedback.store.CopyEntries;
import com.govfeedback.feedback.store.FeedbackItems;
import com.govfeedback.feedback.store.FeedbackKeys;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.sweep.SweepFixtures;
import com.govfeedback.feedback.view.FeedbackPage;
import com.govfeedback.feedback.view.FeedbackView;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.sla.Colour;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.storage.TableSchema;
import com.govfeedback.testing.Dynalite;
import com.govfeedback.triage.TriageResult;
import com.govfeedback.triage.similar.SimilaritySignature;
import com.govfeedback.triage.text.TextNormalizer;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The copy queue (抄送队列): entries written from each change (here in-process, as LocalStream does), exactly once, read as
 * a page of cases in their current state, and only by the departments they were copied to.
 */
class CopyQueueTest {
    private static final String LEAD = "NATURAL_RESOURCES_BUREAU";
    private static final String COPIED = "HOUSING_FUND_CENTER";
    private static final String OTHER = "TAX_BUREAU";
    private static final Instant SUBMITTED = Instant.parse("2026-03-02T02:00:00Z");
    private static final Caller COPIED_STAFF = new Caller("staff-copied", Role.STAFF, COPIED);

    private final DynamoDbClient dynamo = Dynalite.shared().client();
    private String table;
    private CopyEntries entries;
    private FeedbackRepository repository;
    private CaseService cases;
    private WorkQueue queues;

    @BeforeEach
    void freshTable() {
        table = Dynalite.tableName() + "-copies-" + UUID.randomUUID();
        LocalTableBootstrap.createIfMissing(dynamo, table);
        Clock clock = Clock.fixed(SUBMITTED.plusSeconds(600), ZoneOffset.UTC);
        entries = new CopyEntries(dynamo, table, clock);
        repository = new FeedbackRepository(dynamo, table, entries);
        FeedbackViews views = new FeedbackViews(SweepFixtures.CLOCKS,
                new SimilarFeedback(dynamo, table, new SimilaritySignature(TextNormalizer.loadDefault())), clock);
        cases = new CaseService(repository, SweepFixtures.CLOCKS, views, LifecyclePolicy.loadDefault(),
                new RequestRules(LifecyclePolicy.loadDefault(), Set.of(LEAD, COPIED, OTHER), SweepFixtures.CLOCKS.zone()), CaseTexts.loadDefault(), clock);
        queues = new WorkQueue(repository, views);
    }

    private Feedback copiedCase(Colour colour, Instant at) {
        String id = Ids.newId(at);
        TriageResult triage = new TriageResult("房子过户后公积金贷款也要跑一趟", "COMPLAINT", colour, "REAL_ESTATE", List.of("HOUSING_FUND"),
                LEAD, List.of(COPIED), List.of(), "negative", -0.4, 0.9, 0.9, List.of(), false);
        Feedback f = SweepFixtures.CLOCKS.started(new Feedback(id, TrackingNumbers.of(id, at, SweepFixtures.CLOCKS.zone()), "citizen-1",
                Status.SUBMITTED, at, triage.maskedText(), Channel.APP, FeedbackContext.EMPTY, triage, null, null, null,
                new Similarity(id, new long[SimilaritySignature.SIGNATURE_LENGTH]), List.of(), 1, CaseFile.EMPTY, null));
        repository.insert(f);
        return f;
    }

    private List<String> copyQueue(Caller caller, String department) {
        return queues.copies(caller, new CaseRequests.CopyQueueRequest(department, 50, null)).items().stream().map(FeedbackView::id).toList();
    }

    private Map<String, AttributeValue> entry(String id, String department) {
        return dynamo.getItem(b -> b.tableName(table).key(FeedbackKeys.copyKey(id, department)).consistentRead(true)).item();
    }

    @Test
    void theCopiedDepartmentSeesItsCopiesNearestDeadlineFirstInTheirCurrentStateAndNobodyElseDoes() {
        Feedback blue = copiedCase(Colour.BLUE, SUBMITTED);
        Feedback red = copiedCase(Colour.RED, SUBMITTED.plusSeconds(60));
        cases.acknowledge(new Caller("lead", Role.STAFF, LEAD), new CaseRequests.Acknowledge(red.id(), "已受理", 1L));

        FeedbackPage page = queues.copies(COPIED_STAFF, new CaseRequests.CopyQueueRequest(null, 50, null));
        assertThat(page.items()).extracting(FeedbackView::id).containsExactly(red.id(), blue.id());
        assertThat(page.items().get(0).status()).as("read from the case, not the entry").isEqualTo(Status.ACCEPTED);

        assertThat(copyQueue(new Caller("lead", Role.STAFF, LEAD), null)).as("the lead department works it in its own queue").isEmpty();
        assertThat(copyQueue(new Caller("other", Role.STAFF, OTHER), null)).as("a department that was not copied gets nothing").isEmpty();
        assertThat(copyQueue(new Caller("sup", Role.SUPERVISOR, OTHER), COPIED)).containsExactly(red.id(), blue.id());
    }

    @Test
    void onlyCaseWorkersReadACopyQueueAndStaffOnlyTheirOwn() {
        assertThatThrownBy(() -> copyQueue(new Caller("other", Role.STAFF, OTHER), COPIED)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> copyQueue(new Caller("office", Role.OPTIMISATION_OFFICE, null), COPIED)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> copyQueue(new Caller("citizen-1", Role.CITIZEN, null), null)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> copyQueue(new Caller("sup", Role.SUPERVISOR, OTHER), null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void aRepeatedOrLateDeliveryWritesNothingAndATransferToTheCopiedDepartmentTakesTheCaseOutOfItsCopyQueue() {
        Feedback f = copiedCase(Colour.ORANGE, SUBMITTED);
        Map<String, AttributeValue> created = FeedbackItems.toItem(f);
        entries.changed(null, created);
        assertThat(entry(f.id(), COPIED).get("version").n()).isEqualTo("1");

        cases.transfer(new Caller("lead", Role.STAFF, LEAD), new CaseRequests.Transfer(f.id(), COPIED, "属公积金业务", null, 1L));
        Map<String, AttributeValue> tombstone = entry(f.id(), COPIED);
        assertThat(tombstone).doesNotContainKeys(TableSchema.BY_QUEUE.partitionKey(), TableSchema.BY_QUEUE.sortKey()).containsKey(TableSchema.TTL);
        assertThat(copyQueue(COPIED_STAFF, null)).isEmpty();

        entries.changed(null, created); // the stream delivers the first change again, late
        assertThat(entry(f.id(), COPIED)).isEqualTo(tombstone);
        assertThat(copyQueue(COPIED_STAFF, null)).isEmpty();
    }

    @Test
    void aFinalCaseLeavesTheCopyQueueAndAMovedDeadlineMovesItsEntry() {
        Feedback f = copiedCase(Colour.ORANGE, SUBMITTED);
        String listedAt = entry(f.id(), COPIED).get(TableSchema.BY_QUEUE.sortKey()).s();
        Caller lead = new Caller("lead", Role.STAFF, LEAD);
        cases.acknowledge(lead, new CaseRequests.Acknowledge(f.id(), "已受理", 1L));
        assertThat(entry(f.id(), COPIED).get(TableSchema.BY_QUEUE.sortKey()).s()).as("the next deadline is the resolve clock's")
                .isNotEqualTo(listedAt).endsWith(f.id());

        cases.transition(lead, new CaseRequests.Transition(f.id(), "REJECTED", "不属于受理范围", null, null, 2L));
        cases.transition(lead, new CaseRequests.Transition(f.id(), "CLOSED", "已结束", null, null, 3L));
        assertThat(entry(f.id(), COPIED)).doesNotContainKey(TableSchema.BY_QUEUE.partitionKey());
        assertThat(copyQueue(COPIED_STAFF, null)).isEmpty();
    }

    @Test
    void anEntryTheStreamHasNotCaughtUpWithIsLeftOut() {
        FeedbackRepository withoutStream = new FeedbackRepository(dynamo, table);
        Feedback f = copiedCase(Colour.ORANGE, SUBMITTED);
        // the case is transferred to the copied department, but its stream record has not been handled yet
        Feedback routed = f.withTriage(new TriageResult(f.triage().maskedText(), f.triage().type(), f.triage().colour(), f.triage().domain(),
                f.triage().alsoDomains(), COPIED, List.of(), f.triage().tags(), f.triage().sentiment(), f.triage().sentimentScore(),
                f.triage().typeConfidence(), f.triage().domainConfidence(), f.triage().evidence(), false)).nextVersion();
        withoutStream.replace(routed);

        assertThat(entry(f.id(), COPIED)).containsKey(TableSchema.BY_QUEUE.partitionKey());
        assertThat(copyQueue(COPIED_STAFF, null)).isEmpty();
    }
}

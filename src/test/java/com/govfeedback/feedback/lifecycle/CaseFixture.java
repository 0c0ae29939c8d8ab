package com.govfeedback.feedback.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
import com.govfeedback.shared.Ids;
import com.govfeedback.sla.Colour;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;
import com.govfeedback.testing.MutableClock;
import com.govfeedback.triage.TriageResult;
import com.govfeedback.triage.similar.SimilaritySignature;
import com.govfeedback.triage.text.TextNormalizer;

/** The lifecycle's services over a table of their own on the shared test store, a hand-moved clock, and cases stored as triage left them. */
final class CaseFixture {
    static final String LEAD = "NATURAL_RESOURCES_BUREAU";
    static final String COPIED = "HOUSING_FUND_CENTER";
    static final String OTHER = "TAX_BUREAU";
    static final Instant START = Instant.parse("2026-03-02T02:00:00Z");

    final MutableClock clock = new MutableClock(START.plusSeconds(600));
    final FeedbackRepository repository;
    final CaseService cases;
    final CaseMerge merges;

    CaseFixture() {
        var dynamo = Dynalite.shared().client();
        String table = Dynalite.tableName() + "-cases-" + UUID.randomUUID();
        LocalTableBootstrap.createIfMissing(dynamo, table);
        repository = new FeedbackRepository(dynamo, table);
        FeedbackViews views = new FeedbackViews(SweepFixtures.CLOCKS,
                new SimilarFeedback(dynamo, table, new SimilaritySignature(TextNormalizer.loadDefault())), clock);
        LifecyclePolicy policy = LifecyclePolicy.loadDefault();
        RequestRules rules = new RequestRules(policy, Set.of(LEAD, COPIED, OTHER), SweepFixtures.CLOCKS.zone());
        cases = new CaseService(repository, SweepFixtures.CLOCKS, views, policy, rules, CaseTexts.loadDefault(), clock);
        merges = new CaseMerge(repository, SweepFixtures.CLOCKS, views, policy, rules, CaseTexts.loadDefault(), clock);
    }

    static Caller staff(String department) {
        return new Caller("staff-" + department, Role.STAFF, department);
    }

    static Caller supervisor(String department) {
        return new Caller("sup-" + department, Role.SUPERVISOR, department);
    }

    static final Caller ADMIN = new Caller("admin-1", Role.ADMIN, null);

    /** A submitted feedback led by {@link #LEAD} and copied to {@link #COPIED}, in domain REAL_ESTATE, in a cluster of its own. */
    Feedback submitted(String citizen) {
        return submitted(citizen, "REAL_ESTATE", null, false);
    }

    /**
     * A submitted feedback led by {@link #LEAD} in {@code domain}, joining {@code clusterId} (its own cluster when null);
     * {@code needsReview} puts it in the manual triage queue.
     */
    Feedback submitted(String citizen, String domain, String clusterId, boolean needsReview) {
        Instant at = clock.instant();
        String id = Ids.newId(at);
        TriageResult triage = new TriageResult("房子过户后公积金贷款也要跑一趟", "COMPLAINT", Colour.ORANGE, domain, List.of("HOUSING_FUND"),
                LEAD, List.of(COPIED), List.of(), "negative", -0.4, 0.9, 0.9, List.of(), needsReview);
        Feedback feedback = SweepFixtures.CLOCKS.started(new Feedback(id, TrackingNumbers.of(id, at, SweepFixtures.CLOCKS.zone()), citizen,
                Status.SUBMITTED, at, triage.maskedText(), Channel.APP, FeedbackContext.EMPTY, triage, null, null, null,
                new Similarity(clusterId == null ? id : clusterId, new long[SimilaritySignature.SIGNATURE_LENGTH]), List.of(), 1, CaseFile.EMPTY, null));
        repository.insert(feedback);
        clock.advance(Duration.ofMinutes(1));
        return feedback;
    }

    Feedback read(String id) {
        return repository.find(id).orElseThrow();
    }

    /** Worked by the lead department to RESOLVED. */
    Feedback resolved(String citizen) {
        Caller staff = staff(LEAD);
        String id = submitted(citizen).id();
        cases.transition(staff, new CaseRequests.Transition(id, "ACCEPTED", "已受理", null, null, read(id).version()));
        cases.transition(staff, new CaseRequests.Transition(id, "IN_PROGRESS", "处理中", null, null, read(id).version()));
        cases.transition(staff, new CaseRequests.Transition(id, "RESOLVED", "已办结", null, null, read(id).version()));
        clock.advance(Duration.ofMinutes(1));
        return read(id);
    }

    /** Resolved, then appealed by its citizen. */
    Feedback appealed(String citizen) {
        Feedback resolved = resolved(citizen);
        cases.appeal(new Caller(citizen, Role.CITIZEN, null), new CaseRequests.Appeal(resolved.id(), "问题没有解决"));
        clock.advance(Duration.ofMinutes(1));
        return read(resolved.id());
    }
}

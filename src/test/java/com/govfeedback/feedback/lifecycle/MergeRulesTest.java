package com.govfeedback.feedback.lifecycle;

import static com.govfeedback.feedback.lifecycle.CaseFixture.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.CaseAction;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.store.FeedbackKeys;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.ValidationException;

/**
 * Merging stops a case's clocks and folds its citizen into another case, so it is kept to real duplicates: the same
 * business domain or the same similar-feedback cluster, unless a supervisor of the duplicate's department says why. The
 * merged citizen keeps the right to appeal, as after any decision.
 */
class MergeRulesTest {
    private final CaseFixture fixture = new CaseFixture();
    private final CaseMerge merges = fixture.merges;
    private final Caller staff = CaseFixture.staff(LEAD);
    private final Caller supervisor = CaseFixture.supervisor(LEAD);

    private static CaseRequests.Merge merge(Feedback duplicate, Feedback into, String reason) {
        return new CaseRequests.Merge(duplicate.id(), into.id(), null, null, reason, duplicate.version());
    }

    @Test
    void staffMergeWithinADomainOrACluster() {
        Feedback original = fixture.submitted("citizen-1", "REAL_ESTATE", null, false);
        Feedback sameDomain = fixture.submitted("citizen-2", "REAL_ESTATE", null, false);
        assertThat(merges.merge(staff, merge(sameDomain, original, null)).status()).isEqualTo(Status.SUBMITTED);
        assertThat(fixture.read(sameDomain.id()).status()).isEqualTo(Status.MERGED);

        Feedback sameCluster = fixture.submitted("citizen-3", "HOUSING_FUND", original.id(), false);
        merges.merge(staff, merge(sameCluster, original, null));
        assertThat(fixture.read(sameCluster.id()).status()).isEqualTo(Status.MERGED);
    }

    @Test
    void intoAnUnrelatedCaseOnlyASupervisorMergesAndOnlyWithAReason() {
        Feedback original = fixture.submitted("citizen-4", "TAX", null, false);
        Feedback unrelated = fixture.submitted("citizen-5", "REAL_ESTATE", null, false);
        assertThatThrownBy(() -> merges.merge(staff, merge(unrelated, original, "看着差不多"))).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("supervisor").hasMessageContaining("reason");
        assertThatThrownBy(() -> merges.merge(supervisor, merge(unrelated, original, " "))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("reason");
        assertThat(fixture.read(unrelated.id()).status()).isEqualTo(Status.SUBMITTED);

        merges.merge(supervisor, merge(unrelated, original, "同一次系统故障引起，税务与不动产登记共用同一接口"));
        Feedback merged = fixture.read(unrelated.id());
        assertThat(merged.status()).isEqualTo(Status.MERGED);
        assertThat(merged.caseFile().history().getLast().internalNote()).contains("同一次系统故障引起");
        // repeating the request completes an interrupted merge, also for staff
        assertThat(merges.merge(staff, merge(merged, original, null)).id()).isEqualTo(original.id());
    }

    @Test
    void aMergedCitizenAppealsWithinTheWindowAndASupervisorMayUndoTheMerge() {
        Feedback original = fixture.submitted("citizen-6", "REAL_ESTATE", null, false);
        Feedback duplicate = fixture.submitted("citizen-7", "REAL_ESTATE", null, false);
        merges.merge(staff, merge(duplicate, original, null));
        Caller citizen = new Caller("citizen-7", Role.CITIZEN, null);

        fixture.cases.appeal(citizen, new CaseRequests.Appeal(duplicate.id(), "我的问题和那条不一样"));
        Feedback appealed = fixture.read(duplicate.id());
        assertThat(appealed.status()).isEqualTo(Status.MERGED);
        assertThat(appealed.caseFile().appeal().reason()).isEqualTo("我的问题和那条不一样");
        // while the appeal waits, the department finds it in its queue
        assertThat(fixture.repository.listQueue(FeedbackKeys.queuePartition(LEAD), null, null, 50, null).items()).extracting(Feedback::id)
                .contains(duplicate.id());

        Feedback reopened = fixture.read(fixture.cases.decideAppeal(supervisor,
                new CaseRequests.DecideAppeal(duplicate.id(), "REOPEN", "不是重复，单独办理", appealed.version())).id());
        assertThat(reopened.status()).isEqualTo(Status.REOPENED);
        assertThat(reopened.caseFile().mergedInto()).isNull();
        assertThat(reopened.caseFile().history().getLast().action()).isEqualTo(CaseAction.APPEAL_DECISION);
    }

    @Test
    void anUpheldMergeStaysMergedAndTheWindowCloses() {
        Feedback original = fixture.submitted("citizen-8", "REAL_ESTATE", null, false);
        Feedback upheld = fixture.submitted("citizen-9", "REAL_ESTATE", null, false);
        Feedback late = fixture.submitted("citizen-10", "REAL_ESTATE", null, false);
        merges.merge(staff, merge(upheld, original, null));
        merges.merge(staff, merge(late, original, null));

        fixture.cases.appeal(new Caller("citizen-9", Role.CITIZEN, null), new CaseRequests.Appeal(upheld.id(), "不是重复"));
        Feedback decided = fixture.read(fixture.cases.decideAppeal(supervisor,
                new CaseRequests.DecideAppeal(upheld.id(), "UPHOLD", "确属重复", fixture.read(upheld.id()).version())).id());
        assertThat(decided.status()).isEqualTo(Status.MERGED);
        assertThat(decided.caseFile().mergedInto()).isEqualTo(original.id());
        assertThat(fixture.repository.listQueue(FeedbackKeys.queuePartition(LEAD), null, null, 50, null).items()).extracting(Feedback::id)
                .doesNotContain(upheld.id());

        fixture.clock.advance(Duration.ofDays(16));
        assertThatThrownBy(() -> fixture.cases.appeal(new Caller("citizen-10", Role.CITIZEN, null), new CaseRequests.Appeal(late.id(), "不是重复")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("window");
    }
}

package com.govfeedback.feedback.lifecycle;

import static com.govfeedback.feedback.lifecycle.CaseFixture.ADMIN;
import static com.govfeedback.feedback.lifecycle.CaseFixture.LEAD;
import static com.govfeedback.feedback.lifecycle.CaseFixture.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import com.govfeedback.auth.Caller;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.Status;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.sla.Colour;

/**
 * A supervisor supervises one department: reads every case and queue, but decides appeals, transfers and works only
 * the cases their department leads (copied: what copied staff may do). The manual triage queue belongs to no
 * department yet, so any supervisor confirms and routes its items. Admins act city-wide.
 */
class SupervisorDepartmentTest {
    private final CaseFixture fixture = new CaseFixture();
    private final CaseService cases = fixture.cases;
    private final Caller stranger = CaseFixture.supervisor(OTHER);

    @Test
    void anotherDepartmentsSupervisorDecidesNoAppealThereButTheLeadsAndAnAdminDo() {
        Feedback appealed = fixture.appealed("citizen-a");
        CaseRequests.DecideAppeal uphold = new CaseRequests.DecideAppeal(appealed.id(), "UPHOLD", "维持原决定", appealed.version());
        assertThatThrownBy(() -> cases.decideAppeal(stranger, uphold)).isInstanceOf(ForbiddenException.class).hasMessageContaining(LEAD);
        assertThat(cases.decideAppeal(CaseFixture.supervisor(LEAD), uphold).status()).isEqualTo(Status.CLOSED);

        Feedback other = fixture.appealed("citizen-b");
        assertThat(cases.decideAppeal(ADMIN, new CaseRequests.DecideAppeal(other.id(), "REOPEN", "重新办理", other.version())).status())
                .isEqualTo(Status.REOPENED);
    }

    @Test
    void anotherDepartmentsSupervisorTransfersNothingThere() {
        Feedback f = fixture.submitted("citizen-c");
        CaseRequests.Transfer transfer = new CaseRequests.Transfer(f.id(), OTHER, "属税务业务", null, f.version());
        assertThatThrownBy(() -> cases.transfer(stranger, transfer)).isInstanceOf(ForbiddenException.class).hasMessageContaining(LEAD);
        assertThat(fixture.read(f.id()).triage().department()).isEqualTo(LEAD);
        assertThat(cases.transfer(CaseFixture.supervisor(LEAD), transfer).triage().department()).isEqualTo(OTHER);
    }

    @Test
    void anotherDepartmentsSupervisorReadsTheCaseButWorksNoneOfIt() {
        Feedback f = fixture.submitted("citizen-d");
        long v = f.version();
        String id = f.id();
        for (ThrowingCallable work : List.<ThrowingCallable>of(
                () -> cases.acknowledge(stranger, new CaseRequests.Acknowledge(id, null, v)),
                () -> cases.transition(stranger, new CaseRequests.Transition(id, "ACCEPTED", "已受理", null, null, v)),
                () -> cases.assign(stranger, new CaseRequests.Assign(id, "li", "2026-03-20", null, v)),
                () -> cases.reply(stranger, new CaseRequests.Reply(id, "我们看看", null, v)),
                () -> cases.review(stranger, new CaseRequests.Review(id, "BLUE", null, null, v)),
                () -> fixture.merges.merge(stranger, new CaseRequests.Merge(id, fixture.submitted("citizen-e").id(), null, null, null, v)))) {
            assertThatThrownBy(work).isInstanceOf(ForbiddenException.class);
        }
        assertThat(fixture.read(id).version()).isEqualTo(v);
    }

    @Test
    void anySupervisorConfirmsAnItemOfTheManualTriageQueueButLowersOnlyTheirOwnDepartmentsCases() {
        Feedback waiting = fixture.submitted("citizen-f", "REAL_ESTATE", null, true);
        cases.review(stranger, new CaseRequests.Review(waiting.id(), null, OTHER, "属税务业务", waiting.version()));
        assertThat(fixture.read(waiting.id()).triage().needsReview()).isFalse();
        assertThat(fixture.read(waiting.id()).triage().department()).isEqualTo(OTHER);

        Feedback routed = fixture.submitted("citizen-g");
        assertThatThrownBy(() -> cases.review(stranger, new CaseRequests.Review(routed.id(), "BLUE", null, null, routed.version())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(cases.review(CaseFixture.supervisor(LEAD), new CaseRequests.Review(routed.id(), "BLUE", null, null, routed.version()))
                .triage().colour()).isEqualTo(Colour.BLUE);
    }
}

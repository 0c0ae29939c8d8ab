package com.govfeedback.feedback.lifecycle;

import static com.govfeedback.feedback.lifecycle.CaseFixture.COPIED;
import static com.govfeedback.feedback.lifecycle.CaseFixture.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.govfeedback.auth.Caller;
import com.govfeedback.feedback.Status;
import com.govfeedback.shared.ForbiddenException;

/** A copied department does its part (reads, replies) but only the lead department decides the case. */
class CopiedDepartmentTest {

    @Test
    void aCopiedDepartmentMayReplyButNotChangeTheStatus() {
        CaseFixture fixture = new CaseFixture();
        CaseService cases = fixture.cases;
        String id = fixture.submitted("citizen-1").id();

        Caller copiedStaff = CaseFixture.staff(COPIED);
        assertThat(cases.reply(copiedStaff, new CaseRequests.Reply(id, "公积金部分由我们负责", null, 1L)).version()).isEqualTo(2);
        assertThatThrownBy(() -> cases.transition(copiedStaff, new CaseRequests.Transition(id, "REJECTED", "不予采纳", null, null, 2L)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining(LEAD);

        Caller leadStaff = CaseFixture.staff(LEAD);
        assertThat(cases.transition(leadStaff, new CaseRequests.Transition(id, "ACCEPTED", "已受理", null, null, 2L)).status())
                .isEqualTo(Status.ACCEPTED);
    }
}

package com.govfeedback.feedback.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Channel;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackContext;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.sweep.SweepFixtures;
import com.govfeedback.notify.Notification;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.notify.Templates;
import com.govfeedback.shared.Ids;
import com.govfeedback.sla.Colour;
import com.govfeedback.triage.TriageResult;

/** A new feedback alerts its lead department at once when RED or ORANGE, and tells every copied department. */
class SubmissionNoticesTest {
    private static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    private static final ZoneId ZONE = SweepFixtures.CLOCKS.zone();

    private static Feedback submitted(Colour colour, List<String> copied) {
        String id = Ids.newId(AT);
        TriageResult triage = new TriageResult("登录页面打不开", "OUTAGE", colour, "REAL_ESTATE", List.of(), "NATURAL_RESOURCES_BUREAU", copied,
                List.of(), "negative", -0.4, 0.9, 0.9, List.of(), false);
        return SweepFixtures.CLOCKS.started(new Feedback(id, TrackingNumbers.of(id, AT, SweepFixtures.CLOCKS.zone()), "citizen-1", Status.SUBMITTED,
                AT, "登录页面打不开", Channel.APP, FeedbackContext.EMPTY, triage, null, null, null, null, List.of(), 1, CaseFile.EMPTY, null));
    }

    @Test
    void redAndOrangeAlertTheLeadDepartmentAndEveryCopiedDepartmentIsTold() {
        List<Notification> red = SubmissionNotices.of(submitted(Colour.RED, List.of("HOUSING_FUND_CENTER", "TAX_BUREAU")), ZONE);
        assertThat(red).extracting(n -> n.event() + " " + n.recipient().key()).containsExactly("NEW_URGENT DEPARTMENT-NATURAL_RESOURCES_BUREAU",
                "COPIED DEPARTMENT-HOUSING_FUND_CENTER", "COPIED DEPARTMENT-TAX_BUREAU");
        Templates templates = Templates.loadDefault();
        assertThat(red).allSatisfy(n -> assertThat(templates.unfilled(n)).isEmpty());
        assertThat(templates.render(red.get(0)).title()).contains("红色预警");
        assertThat(templates.render(red.get(0)).body()).contains("2026-03-02 12:00"); // 10:00 in the city + RED's 2 hours

        assertThat(SubmissionNotices.of(submitted(Colour.ORANGE, List.of()), ZONE)).extracting(Notification::event)
                .containsExactly(NotificationEvent.NEW_URGENT);
        assertThat(SubmissionNotices.of(submitted(Colour.YELLOW, List.of()), ZONE)).isEmpty();
        assertThat(SubmissionNotices.of(submitted(Colour.BLUE, List.of("TAX_BUREAU")), ZONE)).extracting(Notification::event)
                .containsExactly(NotificationEvent.COPIED);
    }
}

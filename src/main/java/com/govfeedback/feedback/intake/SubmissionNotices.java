package com.govfeedback.feedback.intake;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.notify.Notification;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.notify.Recipient;
import com.govfeedback.sla.Colour;

/**
 * What a new feedback tells departments, written in the same PutItem as the feedback (its first outbox), so no extra
 * store call: a RED or ORANGE one alerts the lead department at once (the others wait in its queue), and every
 * department triage copies it to is told it is on their copy list.
 */
final class SubmissionNotices {
    private SubmissionNotices() {
    }

    private static final DateTimeFormatter CITY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** @param f a new feedback with its clocks started: its nearest deadline is the acknowledgement's */
    static List<Notification> of(Feedback f, ZoneId zone) {
        List<Notification> notices = new ArrayList<>();
        Colour colour = f.sla().colour();
        String ackDue = f.nearestDueAt() == null ? "" : CITY_TIME.format(f.nearestDueAt().atZone(zone));
        Map<String, String> params = Map.of("trackingNo", f.trackingNo(), "colourName", colour.chineseName(), "ackDueAt", ackDue);
        if (colour == Colour.RED || colour == Colour.ORANGE) {
            notices.add(Notification.pending(NotificationEvent.NEW_URGENT.name(), NotificationEvent.NEW_URGENT, f.id(),
                    new Recipient(Recipient.Kind.DEPARTMENT, f.triage().department()), params, f.receivedAt()));
        }
        for (String copied : f.triage().copiedDepartments()) {
            notices.add(Notification.pending(NotificationEvent.COPIED.name(), NotificationEvent.COPIED, f.id(),
                    new Recipient(Recipient.Kind.DEPARTMENT, copied), params, f.receivedAt()));
        }
        return notices;
    }
}

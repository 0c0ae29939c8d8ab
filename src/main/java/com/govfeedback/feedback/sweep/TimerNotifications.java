package com.govfeedback.feedback.sweep;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.notify.Notification;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.notify.Recipient;
import com.govfeedback.sla.TimerAction;

/**
 * Who hears of a timer action: a warning or a breach goes to the department that owns the feedback; an escalation goes
 * to the chain level it reaches (the breach's escalation is how "the next person in the chain" hears of a breach); a
 * DEFERRED progress notice goes to the citizen. The event key is the action's key, so an action notifies each recipient
 * once over the item's life.
 */
final class TimerNotifications {
    private TimerNotifications() {
    }

    /** Notifications for an action applied at {@code now} (their creation time; the action's own point is a parameter). */
    static List<Notification> of(Feedback feedback, TimerAction action, Instant now) {
        Map<String, String> params = new HashMap<>();
        params.put("trackingNo", feedback.trackingNo());
        params.put("colour", feedback.sla().colour().name());
        params.put("at", action.at().toString());
        Recipient department = new Recipient(Recipient.Kind.DEPARTMENT, feedback.triage().department());
        return switch (action) {
            case TimerAction.Warning warning -> {
                params.put("clock", warning.clock().code());
                params.put("percent", Integer.toString(warning.percent()));
                yield List.of(notification(feedback, action, NotificationEvent.SLA_WARNING, department, params, now));
            }
            case TimerAction.Breach breach -> {
                params.put("clock", breach.clock().code());
                yield List.of(notification(feedback, action, NotificationEvent.SLA_BREACHED, department, params, now));
            }
            case TimerAction.Escalation escalation -> {
                params.put("level", Integer.toString(escalation.level()));
                params.put("levelCode", escalation.levelCode());
                yield List.of(notification(feedback, action, NotificationEvent.ESCALATED,
                        new Recipient(Recipient.Kind.ESCALATION, escalation.levelCode()), params, now));
            }
        };
    }

    /**
     * The {@code n}-th quarterly progress notice of a DEFERRED feedback, due at {@code at}, written at {@code now}. Its key
     * {@code DEFERRED:{n}#{round}} names the SLA round, which leaving DEFERRED always moves on: a later stay in DEFERRED
     * numbers its notices afresh without meeting an earlier stay's ids (or their delivery markers).
     */
    static Notification deferredProgress(Feedback feedback, int n, Instant at, Instant now) {
        Map<String, String> params = new HashMap<>();
        params.put("trackingNo", feedback.trackingNo());
        params.put("targetQuarter", feedback.caseFile().targetQuarter());
        params.put("notice", Integer.toString(n));
        params.put("at", at.toString());
        return Notification.pending("DEFERRED:" + n + "#" + feedback.sla().round(), NotificationEvent.DEFERRED_PROGRESS,
                feedback.id(), new Recipient(Recipient.Kind.CITIZEN, feedback.citizen()), params, now);
    }

    private static Notification notification(Feedback feedback, TimerAction action, NotificationEvent event, Recipient recipient,
            Map<String, String> params, Instant now) {
        return Notification.pending(action.key(), event, feedback.id(), recipient, params, now);
    }
}

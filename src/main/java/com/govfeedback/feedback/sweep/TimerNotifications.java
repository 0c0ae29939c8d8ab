package com.govfeedback.feedback.sweep;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.notify.Notification;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.notify.Recipient;
import com.govfeedback.sla.ClockKind;
import com.govfeedback.sla.SlaView;
import com.govfeedback.sla.TimerAction;

/**
 * Who hears of a timer action, and what the message says. A warning or a breach goes to the department that owns the
 * feedback and to its assignee when there is one; an escalation goes to the chain level it reaches, named with the
 * department (DEPARTMENT_HEAD@HRSS_BUREAU), so a subscriber knows whose head to tell. The breach's escalation is how
 * "the next person in the chain" hears of a breach. A DEFERRED progress notice goes to the citizen. The event key is the
 * action's key, so an action notifies each recipient once over the item's life.
 */
final class TimerNotifications {
    private static final DateTimeFormatter CITY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<ClockKind, String> CLOCK_NAMES = Map.of(ClockKind.ACKNOWLEDGE, "受理响应", ClockKind.RESOLVE, "办结",
            ClockKind.APPEAL, "申诉答复");

    private TimerNotifications() {
    }

    /**
     * Notifications for an action applied at {@code now} (their creation time); {@code after} is the SLA as it stands once
     * the action is applied (the clock's due time, the level reached).
     */
    static List<Notification> of(Feedback feedback, TimerAction action, SlaView after, Instant now, ZoneId zone) {
        String department = feedback.triage().department();
        Map<String, String> params = new HashMap<>();
        params.put("trackingNo", feedback.trackingNo());
        params.put("statusName", feedback.status().chineseName());
        params.put("colour", feedback.sla().colour().name());
        params.put("department", department);
        params.put("at", CITY_TIME.format(action.at().atZone(zone)));
        List<Recipient> workers = new ArrayList<>();
        workers.add(new Recipient(Recipient.Kind.DEPARTMENT, department));
        if (feedback.caseFile().assignment() != null) {
            workers.add(new Recipient(Recipient.Kind.ASSIGNEE, feedback.caseFile().assignment().owner()));
        }
        return switch (action) {
            case TimerAction.Warning warning -> {
                clock(params, warning.clock(), after, zone);
                params.put("percent", Integer.toString(warning.percent()));
                yield notifications(feedback, action, NotificationEvent.SLA_WARNING, workers, params, now);
            }
            case TimerAction.Breach breach -> {
                clock(params, breach.clock(), after, zone);
                yield notifications(feedback, action, NotificationEvent.SLA_BREACHED, workers, params, now);
            }
            case TimerAction.Escalation escalation -> {
                params.put("level", Integer.toString(escalation.level()));
                params.put("levelCode", escalation.levelCode());
                params.put("levelName", after.escalationName());
                yield notifications(feedback, action, NotificationEvent.ESCALATED,
                        List.of(new Recipient(Recipient.Kind.ESCALATION, escalation.levelCode() + "@" + department)), params, now);
            }
        };
    }

    /**
     * The {@code n}-th quarterly progress notice of a DEFERRED feedback, due at {@code at}, written at {@code now}. Its key
     * {@code DEFERRED:{n}#{round}} names the SLA round, which leaving DEFERRED always moves on: a later stay in DEFERRED
     * numbers its notices afresh without meeting an earlier stay's ids (or their delivery markers).
     */
    static Notification deferredProgress(Feedback feedback, int n, Instant at, Instant now, ZoneId zone) {
        Map<String, String> params = new HashMap<>();
        params.put("trackingNo", feedback.trackingNo());
        params.put("targetQuarter", feedback.caseFile().targetQuarter());
        params.put("notice", Integer.toString(n));
        params.put("note", "（第 " + n + " 次季度进展通报）");
        params.put("at", CITY_TIME.format(at.atZone(zone)));
        return Notification.pending("DEFERRED:" + n + "#" + feedback.sla().round(), NotificationEvent.DEFERRED_PROGRESS,
                feedback.id(), new Recipient(Recipient.Kind.CITIZEN, feedback.citizen()), params, now);
    }

    /**
     * An open 回访 follow-up has passed its due time: the department and the assignee are told once per follow-up (the key
     * names when it was opened, so a later follow-up is told afresh).
     */
    static List<Notification> followUpOverdue(Feedback feedback, Instant dueAt, Instant now, ZoneId zone) {
        Map<String, String> params = new HashMap<>();
        params.put("trackingNo", feedback.trackingNo());
        params.put("dueAt", CITY_TIME.format(dueAt.atZone(zone)));
        List<Recipient> workers = new ArrayList<>();
        workers.add(new Recipient(Recipient.Kind.DEPARTMENT, feedback.triage().department()));
        if (feedback.caseFile().assignment() != null) {
            workers.add(new Recipient(Recipient.Kind.ASSIGNEE, feedback.caseFile().assignment().owner()));
        }
        // once per due time: a follow-up that could not reach the citizen is due again later
        String key = "FOLLOW_UP_OVERDUE:" + feedback.caseFile().followUp().dueAt().toEpochMilli();
        return workers.stream().map(r -> Notification.pending(key, NotificationEvent.FOLLOW_UP_OVERDUE, feedback.id(), r, params, now)).toList();
    }

    private static void clock(Map<String, String> params, ClockKind kind, SlaView view, ZoneId zone) {
        params.put("clock", kind.code());
        params.put("clockName", CLOCK_NAMES.get(kind));
        SlaView.ClockView clock = switch (kind) {
            case ACKNOWLEDGE -> view.acknowledge();
            case RESOLVE -> view.resolve();
            case APPEAL -> view.appeal();
        };
        if (clock != null && clock.dueAt() != null) {
            params.put("dueAt", CITY_TIME.format(clock.dueAt().atZone(zone)));
        }
    }

    private static List<Notification> notifications(Feedback feedback, TimerAction action, NotificationEvent event,
            List<Recipient> recipients, Map<String, String> params, Instant now) {
        return recipients.stream().map(r -> Notification.pending(action.key(), event, feedback.id(), r, params, now)).toList();
    }
}

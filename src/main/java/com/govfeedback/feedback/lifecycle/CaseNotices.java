package com.govfeedback.feedback.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.notify.Notification;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.notify.Recipient;

/**
 * The notifications one change writes into the item's outbox. Event ids name the event and the version the change
 * creates ({@code {feedbackId}:{EVENT}@{version}:{recipient}}), so they are unique per change and stable when re-driven.
 */
final class CaseNotices {
    /** Dead entries kept on the item for the record; older ones are dropped (the ERROR log line and the metric remain). */
    static final int DEAD_KEPT = 10;

    private final Feedback changed;
    private final long version;
    private final Instant at;
    private final List<Notification> added = new ArrayList<>();

    /** Notices for the change at {@code at} that turns {@code before} into {@code changed} (written as the next version). */
    CaseNotices(Feedback before, Feedback changed, Instant at) {
        this.changed = changed;
        this.version = before.version() + 1;
        this.at = at;
    }

    static Recipient citizen(String subject) {
        return new Recipient(Recipient.Kind.CITIZEN, subject);
    }

    static Recipient department(String code) {
        return new Recipient(Recipient.Kind.DEPARTMENT, code);
    }

    static Recipient assignee(String owner) {
        return new Recipient(Recipient.Kind.ASSIGNEE, owner);
    }

    /** The submitter, plus the followers (merged duplicates' submitters) when {@code withFollowers}. */
    List<Recipient> citizens(boolean withFollowers) {
        List<Recipient> all = new ArrayList<>();
        all.add(citizen(changed.citizen()));
        if (withFollowers) {
            changed.caseFile().followers().forEach(f -> all.add(citizen(f)));
        }
        return all;
    }

    /** Whoever works the item: the assignee when there is one, else the lead department. */
    Recipient worker() {
        CaseFile.Assignment a = changed.caseFile().assignment();
        return a == null ? department(changed.triage().department()) : assignee(a.owner());
    }

    CaseNotices add(NotificationEvent event, List<Recipient> recipients, Map<String, String> extra) {
        Map<String, String> params = new HashMap<>();
        params.put("trackingNo", changed.trackingNo());
        params.put("status", changed.status().name());
        params.put("statusName", changed.status().chineseName());
        params.putAll(extra);
        for (Recipient recipient : recipients) {
            added.add(Notification.pending(event.name() + "@" + version, event, changed.id(), recipient, params, at));
        }
        return this;
    }

    CaseNotices add(NotificationEvent event, Recipient recipient, Map<String, String> extra) {
        return add(event, List.of(recipient), extra);
    }

    /** The item with the new notices in its outbox; delivered entries leave it (their delivery markers remember them). */
    Feedback written() {
        List<Notification> outbox = new ArrayList<>();
        List<Notification> dead = changed.outbox().stream().filter(n -> n.state() == Notification.State.DEAD).toList();
        outbox.addAll(dead.subList(Math.max(0, dead.size() - DEAD_KEPT), dead.size()));
        changed.outbox().stream().filter(n -> n.state() == Notification.State.PENDING).forEach(outbox::add);
        outbox.addAll(added);
        return changed.withOutbox(outbox);
    }
}

package com.govfeedback.feedback;

import java.time.Instant;
import java.util.List;

import com.govfeedback.notify.Notification;

import com.govfeedback.sla.SlaState;
import com.govfeedback.triage.TriageResult;

/**
 * One stored feedback.
 *
 * @param id          unguessable and sortable by time ({@link com.govfeedback.shared.Ids})
 * @param trackingNo  a short number a citizen can read out on the phone
 * @param citizen     the submitting citizen's subject
 * @param text        the feedback text, personal data masked (the raw text is never kept)
 * @param triage      what triage decided; its {@code maskedText} is {@code text}
 * @param sla         the acknowledge and resolve clocks
 * @param nextTimerAt the next SLA timer point the sweep must act on, null when none remain (the due index key)
 * @param nearestDueAt the earliest deadline of a running clock, null when none (the work-queue sort key)
 * @param outbox      notifications of changes not yet delivered (and the dead ones, for the alarm and the record)
 * @param version     incremented by every change; updates name the version they read
 */
public record Feedback(String id, String trackingNo, String citizen, Status status, Instant receivedAt, String text,
        Channel channel, FeedbackContext context, TriageResult triage, SlaState sla, Instant nextTimerAt, Instant nearestDueAt, List<Notification> outbox, long version) {
}

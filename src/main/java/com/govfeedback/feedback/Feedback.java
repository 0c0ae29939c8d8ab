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
 * @param similar     the near-duplicate cluster it belongs to
 * @param outbox      notifications of changes not yet delivered (and the dead ones, for the alarm and the record)
 * @param version     incremented by every change; updates name the version they read
 * @param caseFile    the lifecycle's history, assignment, rating, appeal and merge facts
 * @param contactPhone the citizen's callback phone, sealed and masked; null when none was given
 */
public record Feedback(String id, String trackingNo, String citizen, Status status, Instant receivedAt, String text,
        Channel channel, FeedbackContext context, TriageResult triage, SlaState sla, Instant nextTimerAt, Instant nearestDueAt,
        Similarity similar, List<Notification> outbox, long version, CaseFile caseFile, ContactPhone contactPhone) {

    /*
     * Copies with one part changed. Code outside this record uses these rather than the constructor, so a new
     * field is added in one place.
     */

    public Feedback withSla(SlaState newSla, Instant newNextTimerAt, Instant newNearestDueAt) {
        return new Feedback(id, trackingNo, citizen, status, receivedAt, text, channel, context, triage, newSla, newNextTimerAt,
                newNearestDueAt, similar, outbox, version, caseFile, contactPhone);
    }

    public Feedback withOutbox(List<Notification> newOutbox) {
        return new Feedback(id, trackingNo, citizen, status, receivedAt, text, channel, context, triage, sla, nextTimerAt, nearestDueAt,
                similar, List.copyOf(newOutbox), version, caseFile, contactPhone);
    }

    public Feedback withStatus(Status newStatus) {
        return new Feedback(id, trackingNo, citizen, newStatus, receivedAt, text, channel, context, triage, sla, nextTimerAt, nearestDueAt,
                similar, outbox, version, caseFile, contactPhone);
    }

    public Feedback withCaseFile(CaseFile newCaseFile) {
        return new Feedback(id, trackingNo, citizen, status, receivedAt, text, channel, context, triage, sla, nextTimerAt, nearestDueAt,
                similar, outbox, version, newCaseFile, contactPhone);
    }

    /** The same feedback routed or re-triaged: another lead department, colour or review flag. */
    public Feedback withTriage(TriageResult newTriage) {
        return new Feedback(id, trackingNo, citizen, status, receivedAt, text, channel, context, newTriage, sla, nextTimerAt, nearestDueAt,
                similar, outbox, version, caseFile, contactPhone);
    }

    /** The same feedback with its callback phone sealed anew (under the current key-encryption key). */
    public Feedback withContactPhone(ContactPhone newContactPhone) {
        return new Feedback(id, trackingNo, citizen, status, receivedAt, text, channel, context, triage, sla, nextTimerAt, nearestDueAt,
                similar, outbox, version, caseFile, newContactPhone);
    }

    /** The copy to write back: one version on from the one read ({@link FeedbackRepository#replace}). */
    public Feedback nextVersion() {
        return new Feedback(id, trackingNo, citizen, status, receivedAt, text, channel, context, triage, sla, nextTimerAt, nearestDueAt,
                similar, outbox, version + 1, caseFile, contactPhone);
    }
}

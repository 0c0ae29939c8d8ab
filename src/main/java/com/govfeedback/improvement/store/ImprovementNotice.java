package com.govfeedback.improvement.store;

import java.time.Instant;

/**
 * One status-change notice for one citizen, stored as its own item ({@code IMPROVEMENT_NOTICE#{noticeId} /
 * CITIZEN#{citizen}}) with {@code attribute_not_exists}, so writing it twice is a no-op and every citizen gets exactly one
 * per status change. The notifier delivers it from the table stream (locally: from the write) like an outbox entry:
 * {@code entity = IMPROVEMENT_NOTICE}, {@code event = IMPROVEMENT_STATUS}, {@code state = PENDING}, recipient = the citizen,
 * and its delivery marker is {@code NOTIFICATION#{deliveryId}}.
 *
 * @param noticeId      the status change: {@code {improvementId}:{status}:{history position}}
 * @param text          the masked, filled notice text
 */
public record ImprovementNotice(String noticeId, String improvementId, String citizen, String status, String text, Instant createdAt) {
    public static final String ENTITY = "IMPROVEMENT_NOTICE";
    public static final String EVENT = "IMPROVEMENT_STATUS";
    private static final String CITIZEN_PART = ":citizen:";

    /** Stable per change and citizen, so a re-delivered notice is recognised by the notifier's delivery marker. */
    public String deliveryId() {
        return noticeId + CITIZEN_PART + citizen;
    }

    /** The notice id a {@link #deliveryId()} was made from. */
    public static String noticeIdOf(String deliveryId) {
        return deliveryId.substring(0, deliveryId.indexOf(CITIZEN_PART));
    }
}

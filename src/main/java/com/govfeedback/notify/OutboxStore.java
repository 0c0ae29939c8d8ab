package com.govfeedback.notify;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where outbox entries are kept: the item whose change caused them (the feedback store implements this). The notifier
 * reads and records entries only through it, so it knows nothing of the items' keys or layout.
 */
public interface OutboxStore {
    /** What recording an outcome found. */
    enum Recorded {
        /** this call wrote it */
        RECORDED,
        /** the entry had already left PENDING at these attempts, or left the item: someone recorded it first */
        ALREADY
    }

    /** The outbox held by a stored item image (a stream record's NEW_IMAGE); empty for items that keep none. */
    List<Notification> outboxOf(Map<String, AttributeValue> image);

    /**
     * Writes {@code outcome} (a new state, attempts and next attempt) over the entry with the same id, provided that entry is
     * still PENDING at {@code attemptsRead}. {@code indexHint} is the entry's position in the image read.
     */
    Recorded record(Notification outcome, int indexHint, int attemptsRead);
}

package com.govfeedback.feedback.store;

import static com.govfeedback.storage.Attributes.s;

import java.time.Instant;
import java.util.Map;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.Status;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key values of a feedback item and of the indexes it appears in (docs/storage.md lists the access patterns).
 *
 * <pre>
 * PK = FEEDBACK#{id}          SK = FEEDBACK
 * GSI1PK = CITIZEN#{subject}  GSI1SK = {id}                  a citizen's feedback, newest first
 * GSI2PK = QUEUE#{department} GSI2SK = {nearest due}#{id}    a department's work, nearest deadline first (not when final)
 * GSI2PK = QUEUE#REVIEW                                       the manual triage queue, while triage asks for review
 * GSI3PK = DUE#{shard}        GSI3SK = {next timer}#{id}     the sweep's work, sparse
 *
 * a copy entry, one per department a feedback is copied to (triage's alsoDomains), beside it:
 * PK = FEEDBACK#{id}          SK = COPY#{department}
 * GSI2PK = COPY#{department}  GSI2SK = {nearest due}#{id}    the department's copy queue (not when final)
 * </pre>
 */
public final class FeedbackKeys {
    public static final String SORT_KEY = "FEEDBACK";
    /** Sorts after every instant: items with no running deadline go to the end of a queue. */
    private static final String NO_DEADLINE = "~";
    /** Sorts after every id: {@code dueSort(now, AFTER_EVERY_ID)} bounds "every item due at or before now". */
    public static final String AFTER_EVERY_ID = "~";
    /** The manual triage queue's name in place of a department code. */
    public static final String REVIEW_QUEUE = "REVIEW";
    private static final String COPY_PREFIX = "COPY#";

    private FeedbackKeys() {
    }

    public static Map<String, AttributeValue> key(String id) {
        return Map.of(TableSchema.PK, s("FEEDBACK#" + id), TableSchema.SK, s(SORT_KEY));
    }

    /** The copy entry of a feedback for one copied department. */
    public static Map<String, AttributeValue> copyKey(String id, String department) {
        return Map.of(TableSchema.PK, s("FEEDBACK#" + id), TableSchema.SK, s(COPY_PREFIX + department));
    }

    /** The ByQueue partition of a department's copy queue. */
    public static String copyPartition(String department) {
        return COPY_PREFIX + department;
    }

    public static String citizenPartition(String citizen) {
        return "CITIZEN#" + citizen;
    }

    public static String queuePartition(String department) {
        return "QUEUE#" + department;
    }

    /**
     * The queue a feedback is listed in: the manual triage queue while triage asks for a review, else its lead department's;
     * none (null: it leaves the sparse index) once CLOSED, MERGED or WITHDRAWN, unless an appeal waits for the department's
     * decision.
     */
    public static String queueOf(Feedback f) {
        boolean appealWaits = f.caseFile().appeal() != null && f.caseFile().appeal().decision() == null;
        if ((f.status() == Status.CLOSED || f.status() == Status.MERGED || f.status() == Status.WITHDRAWN) && !appealWaits) {
            return null;
        }
        return queuePartition(f.triage().needsReview() ? REVIEW_QUEUE : f.triage().department());
    }

    public static String queueSort(Instant nearestDueAt, String id) {
        return (nearestDueAt == null ? NO_DEADLINE : Attributes.sortable(nearestDueAt)) + "#" + id;
    }

    public static String duePartition(int shard) {
        return "DUE#" + shard;
    }

    public static int dueShard(String id) {
        return Math.floorMod(id.hashCode(), TableSchema.DUE_SHARDS);
    }

    public static String dueSort(Instant nextTimerAt, String id) {
        return Attributes.sortable(nextTimerAt) + "#" + id;
    }
}

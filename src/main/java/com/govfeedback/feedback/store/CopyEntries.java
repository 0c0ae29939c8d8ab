package com.govfeedback.feedback.store;

import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.s;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.ItemChanges;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The copy queue's entries (抄送队列): one small item per department a feedback is copied to ({@link FeedbackKeys#copyKey}),
 * listed in that department's {@code COPY#} partition of the ByQueue index by the case's nearest deadline. An index entry
 * holds one value per item, and a case may be copied to several departments, hence an item per department.
 *
 * <p>Written from the table stream (in the cloud the notifier, locally {@code LocalStream}), never on the request path:
 * a change whose copied departments or deadline moved writes the entries it moved, each a conditional put on the
 * feedback's version ({@code version < :changed}), so a repeated or late delivery changes nothing. A department that
 * is no longer copied, or a case that is final (CLOSED, MERGED), leaves a tombstone without index keys, which keeps a
 * late delivery of an older change from listing it again and expires after {@link #TOMBSTONE_KEPT}.
 */
public final class CopyEntries implements ItemChanges {
    static final String ENTITY = "COPY";
    /** Longer than a stream keeps its records (24 hours): no older change can arrive after the tombstone is gone. */
    static final Duration TOMBSTONE_KEPT = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public CopyEntries(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void changed(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        if (!isFeedback(newImage)) {
            return;
        }
        Feedback after = FeedbackItems.fromItem(newImage);
        Map<String, String> listedBefore = isFeedback(oldImage) ? listings(FeedbackItems.fromItem(oldImage)) : Map.of();
        Map<String, String> listedAfter = listings(after);
        TreeSet<String> departments = new TreeSet<>(listedBefore.keySet());
        departments.addAll(listedAfter.keySet());
        for (String department : departments) {
            String sortKey = listedAfter.get(department);
            if (!Objects.equals(sortKey, listedBefore.get(department))) {
                write(after.id(), department, after.version(), sortKey);
            }
        }
    }

    /** Whether the case belongs in the department's copy queue now: copied to it and not final. */
    public static boolean isListed(Feedback f, String department) {
        return listings(f).containsKey(department);
    }

    /** Where each copied department lists a feedback: its queue sort key; nowhere once the case is final. */
    static Map<String, String> listings(Feedback f) {
        Map<String, String> listings = new HashMap<>();
        if (FeedbackKeys.queueOf(f) != null) {
            f.triage().copiedDepartments().forEach(d -> listings.put(d, FeedbackKeys.queueSort(f.nearestDueAt(), f.id())));
        }
        return listings;
    }

    /** The entry as of the feedback's {@code version}: listed under {@code sortKey}, or a tombstone when it is null. */
    private void write(String feedbackId, String department, long version, String sortKey) {
        Map<String, AttributeValue> item = new HashMap<>(FeedbackKeys.copyKey(feedbackId, department));
        item.put(TableSchema.ENTITY, s(ENTITY));
        item.put("feedbackId", s(feedbackId));
        item.put("department", s(department));
        item.put("version", n(version));
        if (sortKey != null) {
            item.put(TableSchema.BY_QUEUE.partitionKey(), s(FeedbackKeys.copyPartition(department)));
            item.put(TableSchema.BY_QUEUE.sortKey(), s(sortKey));
        } else {
            item.put(TableSchema.TTL, n(clock.instant().plus(TOMBSTONE_KEPT).getEpochSecond()));
        }
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #version < :version")
                    .expressionAttributeNames(Map.of("#pk", TableSchema.PK, "#version", "version"))
                    .expressionAttributeValues(Map.of(":version", n(version)))));
        } catch (ConditionalCheckFailedException laterWritten) {
            // this change, or a later one, is there already
        }
    }

    private static boolean isFeedback(Map<String, AttributeValue> image) {
        return image != null && FeedbackItems.ENTITY.equals(Attributes.string(image, TableSchema.ENTITY));
    }
}

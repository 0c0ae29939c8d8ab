package com.govfeedback.feedback.store;

import static com.govfeedback.storage.Attributes.instant;
import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.putIfPresent;
import static com.govfeedback.storage.Attributes.s;
import static com.govfeedback.storage.Attributes.string;
import static com.govfeedback.storage.Attributes.strings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.govfeedback.audit.AuditEvent;
import com.govfeedback.audit.AuditEventAttributes;
import com.govfeedback.feedback.Channel;
import com.govfeedback.feedback.ContactPhone;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackContext;
import com.govfeedback.feedback.Similarity;
import com.govfeedback.feedback.Status;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.BatchGets;
import com.govfeedback.storage.ItemChanges;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;
import com.govfeedback.triage.TriageResult;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Feedback items ({@link FeedbackKeys}) and the submission claims that make submitting idempotent:
 * {@code PK = CITIZEN#{subject}, SK = REQUEST#{clientRequestId}} holding the feedback id, time and body digest.
 * Every change of a feedback is one conditional write of the whole item on the version it was read at.
 */
public final class FeedbackRepository {
    private static final String NOT_EXISTS = "attribute_not_exists(" + TableSchema.PK + ")";

    private final DynamoDbClient dynamo;
    private final String table;
    private final ItemChanges afterWrite;

    public FeedbackRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, ItemChanges.NONE);
    }

    /** A repository that hands every feedback item it has written to {@code afterWrite} (the local in-process notifier). */
    public FeedbackRepository(DynamoDbClient dynamo, String table, ItemChanges afterWrite) {
        this.dynamo = dynamo;
        this.table = table;
        this.afterWrite = afterWrite;
    }

    /** The first submission of a client request id: which feedback it became, and a digest of its body. */
    public record SubmissionClaim(String feedbackId, Instant receivedAt, String requestHash) {
    }

    /** Records a claim unless one exists; returns the claim that holds afterwards (ours or the earlier one). */
    public SubmissionClaim claim(String citizen, String clientRequestId, SubmissionClaim claim, Instant expiresAt) {
        Map<String, AttributeValue> item = claimKey(citizen, clientRequestId);
        item.put(TableSchema.ENTITY, s("REQUEST"));
        item.put("feedbackId", s(claim.feedbackId()));
        item.put("receivedAt", instant(claim.receivedAt()));
        item.put("requestHash", s(claim.requestHash()));
        item.put(TableSchema.TTL, n(expiresAt.getEpochSecond()));
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(NOT_EXISTS)));
            return claim;
        } catch (ConditionalCheckFailedException alreadyClaimed) {
            return findClaim(citizen, clientRequestId).orElseThrow(() -> alreadyClaimed);
        }
    }

    public Optional<SubmissionClaim> findClaim(String citizen, String clientRequestId) {
        Map<String, AttributeValue> item = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(claimKey(citizen, clientRequestId)).consistentRead(true))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SubmissionClaim(string(item, "feedbackId"), Attributes.instant(item, "receivedAt"),
                string(item, "requestHash")));
    }

    /** Stores a new feedback; storing the same id again is a no-op, so a re-driven submission is safe. */
    public void insert(Feedback feedback) {
        Map<String, AttributeValue> item = FeedbackItems.toItem(feedback);
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(NOT_EXISTS)));
        } catch (ConditionalCheckFailedException alreadyStored) {
            // an earlier attempt of the same submission stored it: nothing to do
            return;
        }
        afterWrite.changed(null, item);
    }

    /**
     * Writes a changed feedback whose {@code version} is one more than the version it was read at; refuses with
     * {@link ConflictException} when someone else changed it in between, so no update is ever lost.
     */
    public void replace(Feedback changed) {
        put(changed, FeedbackItems.toItem(changed));
    }

    /**
     * {@link #replace}, the item also carrying the change's audit event ({@code audit}), which the table stream (locally
     * the write listener) appends to the case's audit chain: a change is never stored without its audit record, as it is
     * never stored without its notifications. The next write of the item replaces the attribute.
     */
    public void replace(Feedback changed, AuditEvent change) {
        Map<String, AttributeValue> item = FeedbackItems.toItem(changed);
        item.put(ChangeAudit.ATTRIBUTE, AttributeValue.fromM(AuditEventAttributes.toAttributes(change)));
        put(changed, item);
    }

    private void put(Feedback changed, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> before;
        try {
            // the item as it was comes back with the same call, for listeners that count changes
            before = StoreCalls.call(() -> dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("#v = :read")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":read", n(changed.version() - 1)))
                    .returnValues(ReturnValue.ALL_OLD))).attributes();
        } catch (ConditionalCheckFailedException stale) {
            throw new ConflictException("feedback " + changed.id() + " was changed by someone else; read it again and retry");
        }
        afterWrite.changed(before, item);
    }

    /**
     * Stores the callback phone sealed anew (lazy re-encryption under a new key-encryption key) if the item is still at
     * the version it was read at; otherwise leaves it (the next reveal re-seals it). Not a change of the case: the version
     * stays, so no staff member's pending write is refused for it.
     */
    public void resealContactPhone(Feedback readAt, ContactPhone resealed) {
        try {
            StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(FeedbackKeys.key(readAt.id()))
                    .updateExpression("SET #phone = :phone").conditionExpression("#v = :read")
                    .expressionAttributeNames(Map.of("#phone", FeedbackItems.CONTACT_PHONE, "#v", "version"))
                    .expressionAttributeValues(Map.of(":phone", FeedbackItems.contactToAttribute(resealed), ":read", n(readAt.version())))));
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            // still sealed under the older key, which still opens it
        }
    }

    public Optional<Feedback> find(String id) {
        Map<String, AttributeValue> item = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table).key(FeedbackKeys.key(id))
                .consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(FeedbackItems.fromItem(item));
    }

    /** A page of a citizen's feedback, newest first, starting after the feedback id {@code afterId} when given. */
    public record Slice(List<Feedback> items, String lastId) {
    }

    public Slice listByCitizen(String citizen, int limit, String afterId) {
        String partition = FeedbackKeys.citizenPartition(citizen);
        QueryResponse response = StoreCalls.call(() -> dynamo.query(b -> {
            b.tableName(table).indexName(TableSchema.BY_CITIZEN.name())
                    .keyConditionExpression(TableSchema.BY_CITIZEN.partitionKey() + " = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(partition)))
                    .scanIndexForward(false)
                    .limit(limit);
            if (afterId != null) {
                Map<String, AttributeValue> start = new HashMap<>(FeedbackKeys.key(afterId));
                start.put(TableSchema.BY_CITIZEN.partitionKey(), s(partition));
                start.put(TableSchema.BY_CITIZEN.sortKey(), s(afterId));
                b.exclusiveStartKey(start);
            }
        }));
        List<Feedback> items = new ArrayList<>(response.count());
        for (Map<String, AttributeValue> item : response.items()) {
            items.add(FeedbackItems.fromItem(item));
        }
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !items.isEmpty();
        return new Slice(items, more ? items.get(items.size() - 1).id() : null);
    }

    /** A citizen's feedback whose ids lie between {@code fromId} and {@code untilId} (both prefixes), every page of it. */
    public List<Feedback> citizenIdsBetween(String citizen, String fromId, String untilId) {
        List<Feedback> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            QueryResponse response = StoreCalls.call(() -> dynamo.query(b -> b.tableName(table).indexName(TableSchema.BY_CITIZEN.name())
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :until")
                    .expressionAttributeNames(Map.of("#pk", TableSchema.BY_CITIZEN.partitionKey(), "#sk", TableSchema.BY_CITIZEN.sortKey()))
                    .expressionAttributeValues(Map.of(":pk", s(FeedbackKeys.citizenPartition(citizen)), ":from", s(fromId), ":until", s(untilId)))
                    .exclusiveStartKey(after)));
            response.items().forEach(item -> found.add(FeedbackItems.fromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }

    /** A page of a queue, nearest deadline first, optionally filtered; {@code lastSortKey} is where the next page starts. */
    public record QueueSlice(List<Feedback> items, String lastSortKey) {
    }

    /**
     * One page of the queue {@code partition} ({@link FeedbackKeys#queueOf}) after the queue sort key {@code afterSortKey}.
     * Status and colour filter after the read (FilterExpression), so a page may hold fewer than {@code limit} items
     * while a next page exists.
     */
    public QueueSlice listQueue(String partition, Status status, String colour, int limit, String afterSortKey) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> filters = new ArrayList<>();
        if (status != null) {
            names.put("#status", "status");
            values.put(":status", s(status.name()));
            filters.add("#status = :status");
        }
        if (colour != null) {
            names.put("#triage", "triage");
            names.put("#colour", "colour");
            values.put(":colour", s(colour));
            filters.add("#triage.#colour = :colour");
        }
        QueryResponse response = queueQuery(partition, names, values, filters, limit, afterSortKey, FeedbackKeys::key);
        List<Feedback> items = new ArrayList<>(response.count());
        for (Map<String, AttributeValue> item : response.items()) {
            items.add(FeedbackItems.fromItem(item));
        }
        return new QueueSlice(items, lastSortKey(response));
    }

    /** A page of a department's copy queue: the ids of the feedback copied to it, nearest deadline first. */
    public record CopySlice(List<String> feedbackIds, String lastSortKey) {
    }

    /**
     * One page of the copy queue of {@code department} ({@link CopyEntries}) after the queue sort key {@code afterSortKey}:
     * the entries only, which name the feedback; read the cases themselves with {@link #findAll}.
     */
    public CopySlice listCopies(String department, int limit, String afterSortKey) {
        QueryResponse response = queueQuery(FeedbackKeys.copyPartition(department), new HashMap<>(), new HashMap<>(), List.of(), limit,
                afterSortKey, id -> FeedbackKeys.copyKey(id, department));
        return new CopySlice(response.items().stream().map(entry -> string(entry, "feedbackId")).toList(), lastSortKey(response));
    }

    /** A query of one ByQueue partition after {@code afterSortKey} ({@code {due}#{id}}), whose item keys {@code keyOf} gives. */
    private QueryResponse queueQuery(String partition, Map<String, String> names, Map<String, AttributeValue> values, List<String> filters,
            int limit, String afterSortKey, Function<String, Map<String, AttributeValue>> keyOf) {
        names.put("#pk", TableSchema.BY_QUEUE.partitionKey());
        values.put(":pk", s(partition));
        return StoreCalls.call(() -> dynamo.query(b -> {
            b.tableName(table).indexName(TableSchema.BY_QUEUE.name())
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .limit(limit);
            if (!filters.isEmpty()) {
                b.filterExpression(String.join(" AND ", filters));
            }
            if (afterSortKey != null) {
                Map<String, AttributeValue> start = new HashMap<>(keyOf.apply(afterSortKey.substring(afterSortKey.lastIndexOf('#') + 1)));
                start.put(TableSchema.BY_QUEUE.partitionKey(), s(partition));
                start.put(TableSchema.BY_QUEUE.sortKey(), s(afterSortKey));
                b.exclusiveStartKey(start);
            }
        }));
    }

    private static String lastSortKey(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? string(response.lastEvaluatedKey(), TableSchema.BY_QUEUE.sortKey()) : null;
    }

    /**
     * The feedback with these ids that exist, by id, read consistently in batches ({@link BatchGets}): for pages of ids an
     * index or an aggregate named.
     */
    public Map<String, Feedback> findAll(Collection<String> ids) {
        Map<String, Feedback> found = new HashMap<>();
        for (Map<String, AttributeValue> item : BatchGets.all(dynamo, table, ids.stream().distinct().map(FeedbackKeys::key).toList(),
                keys -> keys.consistentRead(true))) {
            Feedback f = FeedbackItems.fromItem(item);
            found.put(f.id(), f);
        }
        return found;
    }

    /**
     * The first {@code limit} items of the queue {@code partition} whose nearest deadline is before {@code now}, the most
     * overdue first: a key condition on the queue sort key (fixed-width instants sort as text; no deadline is "~").
     */
    public List<Feedback> listQueueDueBefore(String partition, Instant now, int limit) {
        QueryResponse response = StoreCalls.call(() -> dynamo.query(b -> b.tableName(table).indexName(TableSchema.BY_QUEUE.name())
                .keyConditionExpression("#pk = :pk AND #sk < :now")
                .expressionAttributeNames(Map.of("#pk", TableSchema.BY_QUEUE.partitionKey(), "#sk", TableSchema.BY_QUEUE.sortKey()))
                .expressionAttributeValues(Map.of(":pk", s(partition), ":now", s(Attributes.sortable(now))))
                .limit(limit)));
        return response.items().stream().map(FeedbackItems::fromItem).toList();
    }

    /**
     * A page of the sweep's work in one shard of the due index: items whose next timer point is at or before {@code now},
     * oldest first. {@code read} is what the query read (the index holds only items with a timer, so it equals the
     * items returned); {@code nextStart} is null on the last page.
     */
    public record DuePage(List<Feedback> items, int read, Map<String, AttributeValue> nextStart) {
    }

    public DuePage dueItems(int shard, Instant now, int limit, Map<String, AttributeValue> startKey) {
        QueryResponse response = StoreCalls.call(() -> dynamo.query(b -> {
            b.tableName(table).indexName(TableSchema.BY_DUE.name())
                    .keyConditionExpression(TableSchema.BY_DUE.partitionKey() + " = :pk AND " + TableSchema.BY_DUE.sortKey() + " <= :until")
                    .expressionAttributeValues(Map.of(":pk", s(FeedbackKeys.duePartition(shard)),
                            ":until", s(FeedbackKeys.dueSort(now, FeedbackKeys.AFTER_EVERY_ID))))
                    .limit(limit);
            if (startKey != null) {
                b.exclusiveStartKey(startKey);
            }
        }));
        List<Feedback> items = new ArrayList<>(response.count());
        for (Map<String, AttributeValue> item : response.items()) {
            items.add(FeedbackItems.fromItem(item));
        }
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new DuePage(items, response.scannedCount(), more ? response.lastEvaluatedKey() : null);
    }

    private static Map<String, AttributeValue> claimKey(String citizen, String clientRequestId) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(TableSchema.PK, s(FeedbackKeys.citizenPartition(citizen)));
        key.put(TableSchema.SK, s("REQUEST#" + clientRequestId));
        return key;
    }
}

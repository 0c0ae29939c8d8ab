package com.govfeedback.feedback;

import static com.govfeedback.storage.Attributes.instant;
import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.putIfPresent;
import static com.govfeedback.storage.Attributes.s;
import static com.govfeedback.storage.Attributes.string;
import static com.govfeedback.storage.Attributes.strings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.govfeedback.feedback.lifecycle.CaseFileAttributes;
import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.similar.Similarity;
import com.govfeedback.notify.NotificationAttributes;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.sla.SlaStateJson;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;
import com.govfeedback.triage.TriageResult;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Feedback items ({@link FeedbackKeys}) and the submission claims that make submitting idempotent:
 * {@code PK = CITIZEN#{subject}, SK = REQUEST#{clientRequestId}} holding the feedback id, time and body digest.
 * Every change of a feedback is one conditional write of the whole item on the version it was read at.
 */
public final class FeedbackRepository {
    private static final String NOT_EXISTS = "attribute_not_exists(" + TableSchema.PK + ")";

    private final DynamoDbClient dynamo;
    private final String table;
    private final WriteListener afterWrite;

    public FeedbackRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, WriteListener.NONE);
    }

    /** A repository that hands every feedback item it has written to {@code afterWrite} (the local in-process notifier). */
    public FeedbackRepository(DynamoDbClient dynamo, String table, WriteListener afterWrite) {
        this.dynamo = dynamo;
        this.table = table;
        this.afterWrite = afterWrite;
    }

    /** Told of every feedback item after it was stored: the image a table stream would carry as NEW_IMAGE. */
    @FunctionalInterface
    public interface WriteListener {
        WriteListener NONE = newImage -> {
        };

        void written(Map<String, AttributeValue> newImage);
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
        Map<String, AttributeValue> item = toItem(feedback);
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(NOT_EXISTS)));
        } catch (ConditionalCheckFailedException alreadyStored) {
            // an earlier attempt of the same submission stored it: nothing to do
            return;
        }
        afterWrite.written(item);
    }

    /**
     * Writes a changed feedback whose {@code version} is one more than the version it was read at; refuses with
     * {@link ConflictException} when someone else changed it in between, so no update is ever lost.
     */
    public void replace(Feedback changed) {
        Map<String, AttributeValue> item = toItem(changed);
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("#v = :read")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":read", n(changed.version() - 1)))));
        } catch (ConditionalCheckFailedException stale) {
            throw new ConflictException("feedback " + changed.id() + " was changed by someone else; read it again and retry");
        }
        afterWrite.written(item);
    }

    public Optional<Feedback> find(String id) {
        Map<String, AttributeValue> item = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table).key(FeedbackKeys.key(id))
                .consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
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
            items.add(fromItem(item));
        }
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !items.isEmpty();
        return new Slice(items, more ? items.get(items.size() - 1).id() : null);
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
        names.put("#pk", TableSchema.BY_QUEUE.partitionKey());
        values.put(":pk", s(partition));
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
        QueryResponse response = StoreCalls.call(() -> dynamo.query(b -> {
            b.tableName(table).indexName(TableSchema.BY_QUEUE.name())
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .limit(limit);
            if (!filters.isEmpty()) {
                b.filterExpression(String.join(" AND ", filters));
            }
            if (afterSortKey != null) {
                String id = afterSortKey.substring(afterSortKey.lastIndexOf('#') + 1);
                Map<String, AttributeValue> start = new HashMap<>(FeedbackKeys.key(id));
                start.put(TableSchema.BY_QUEUE.partitionKey(), s(partition));
                start.put(TableSchema.BY_QUEUE.sortKey(), s(afterSortKey));
                b.exclusiveStartKey(start);
            }
        }));
        List<Feedback> items = new ArrayList<>(response.count());
        for (Map<String, AttributeValue> item : response.items()) {
            items.add(fromItem(item));
        }
        String last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? string(response.lastEvaluatedKey(), TableSchema.BY_QUEUE.sortKey()) : null;
        return new QueueSlice(items, last);
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
            items.add(fromItem(item));
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

    /** The item as stored, with its index keys; public for bulk loads (the sweep benchmark seeds with BatchWriteItem). */
    public static Map<String, AttributeValue> toItem(Feedback f) {
        Map<String, AttributeValue> item = new HashMap<>(FeedbackKeys.key(f.id()));
        item.put(TableSchema.ENTITY, s("FEEDBACK"));
        item.put(TableSchema.BY_CITIZEN.partitionKey(), s(FeedbackKeys.citizenPartition(f.citizen())));
        item.put(TableSchema.BY_CITIZEN.sortKey(), s(f.id()));
        String queue = FeedbackKeys.queueOf(f);
        if (queue != null) {
            item.put(TableSchema.BY_QUEUE.partitionKey(), s(queue));
            item.put(TableSchema.BY_QUEUE.sortKey(), s(FeedbackKeys.queueSort(f.nearestDueAt(), f.id())));
        }
        if (f.nextTimerAt() != null) {
            item.put(TableSchema.BY_DUE.partitionKey(), s(FeedbackKeys.duePartition(FeedbackKeys.dueShard(f.id()))));
            item.put(TableSchema.BY_DUE.sortKey(), s(FeedbackKeys.dueSort(f.nextTimerAt(), f.id())));
        }
        item.put("id", s(f.id()));
        item.put("trackingNo", s(f.trackingNo()));
        item.put("citizen", s(f.citizen()));
        item.put("status", s(f.status().name()));
        item.put("receivedAt", instant(f.receivedAt()));
        item.put("text", s(f.text()));
        item.put("channel", s(f.channel().name()));
        item.put("context", AttributeValue.fromM(contextToMap(f.context())));
        item.put("triage", AttributeValue.fromM(triageToMap(f.triage())));
        item.put("sla", s(SlaStateJson.write(f.sla())));
        item.put("clusterId", s(f.similar().clusterId()));
        item.put("signature", SimilarFeedback.encode(f.similar().signature()));
        item.put("outbox", NotificationAttributes.toAttribute(f.outbox()));
        item.put("version", n(f.version()));
        item.put("case", CaseFileAttributes.toAttribute(f.caseFile()));
        return item;
    }

    public static Feedback fromItem(Map<String, AttributeValue> item) {
        String text = string(item, "text");
        return new Feedback(string(item, "id"), string(item, "trackingNo"), string(item, "citizen"),
                Status.valueOf(string(item, "status")), Attributes.instant(item, "receivedAt"), text,
                Channel.valueOf(string(item, "channel")), contextFromMap(Attributes.map(item, "context")),
                triageFromMap(Attributes.map(item, "triage"), text), SlaStateJson.read(string(item, "sla")),
                sortKeyInstant(string(item, TableSchema.BY_DUE.sortKey())), sortKeyInstant(string(item, TableSchema.BY_QUEUE.sortKey())),
                new Similarity(string(item, "clusterId"), SimilarFeedback.decode(item.get("signature"))),
                NotificationAttributes.fromAttribute(item.get("outbox")), Attributes.number(item, "version"),
                CaseFileAttributes.fromAttribute(item.get("case")));
    }

    /** The instant at the front of a "{instant}#{id}" sort key; null when absent or "no deadline". */
    private static Instant sortKeyInstant(String sortKey) {
        if (sortKey == null || !Character.isDigit(sortKey.charAt(0))) {
            return null;
        }
        return Instant.parse(sortKey.substring(0, sortKey.indexOf('#')));
    }

    private static Map<String, AttributeValue> triageToMap(TriageResult t) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("type", s(t.type()));
        m.put("colour", s(t.colour()));
        m.put("domain", s(t.domain()));
        m.put("alsoDomains", strings(t.alsoDomains()));
        m.put("department", s(t.department()));
        m.put("copiedDepartments", strings(t.copiedDepartments()));
        m.put("tags", strings(t.tags()));
        m.put("sentiment", s(t.sentiment()));
        m.put("sentimentScore", AttributeValue.fromN(Double.toString(t.sentimentScore())));
        m.put("typeConfidence", AttributeValue.fromN(Double.toString(t.typeConfidence())));
        m.put("domainConfidence", AttributeValue.fromN(Double.toString(t.domainConfidence())));
        m.put("evidence", strings(t.evidence()));
        m.put("needsReview", AttributeValue.fromBool(t.needsReview()));
        return m;
    }

    private static TriageResult triageFromMap(Map<String, AttributeValue> m, String maskedText) {
        return new TriageResult(maskedText, string(m, "type"), string(m, "colour"), string(m, "domain"), Attributes.strings(m, "alsoDomains"),
                string(m, "department"), Attributes.strings(m, "copiedDepartments"), Attributes.strings(m, "tags"), string(m, "sentiment"),
                decimal(m, "sentimentScore"), decimal(m, "typeConfidence"), decimal(m, "domainConfidence"), Attributes.strings(m, "evidence"),
                Boolean.TRUE.equals(m.get("needsReview").bool()));
    }

    private static double decimal(Map<String, AttributeValue> m, String name) {
        return Double.parseDouble(m.get(name).n());
    }

    private static Map<String, AttributeValue> contextToMap(FeedbackContext c) {
        Map<String, AttributeValue> m = new HashMap<>();
        putIfPresent(m, "screenPath", c.screenPath());
        putIfPresent(m, "deviceModel", c.deviceModel());
        putIfPresent(m, "os", c.os());
        putIfPresent(m, "osVersion", c.osVersion());
        putIfPresent(m, "appVersion", c.appVersion());
        putIfPresent(m, "networkType", c.networkType());
        putIfPresent(m, "regionCode", c.regionCode());
        putIfPresent(m, "locale", c.locale());
        return m;
    }

    private static FeedbackContext contextFromMap(Map<String, AttributeValue> m) {
        return new FeedbackContext(string(m, "screenPath"), string(m, "deviceModel"), string(m, "os"), string(m, "osVersion"),
                string(m, "appVersion"), string(m, "networkType"), string(m, "regionCode"), string(m, "locale"));
    }
}

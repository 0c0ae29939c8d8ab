package com.govfeedback.improvement.store;

import static com.govfeedback.storage.Attributes.instant;
import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.s;
import static com.govfeedback.storage.Attributes.string;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.govfeedback.improvement.Improvement;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.storage.ItemChanges;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The improvement loop's items in the single table ({@link ImprovementKeys}). Every write is one conditional single-item
 * write or an idempotent put; reads are GetItem or Query, never Scan.
 */
public final class ImprovementStore {
    private static final String NOT_EXISTS = "attribute_not_exists(" + TableSchema.PK + ")";
    /** Notice items are kept long enough for the notifier and a re-drive, then expire. */
    private static final Duration NOTICE_KEPT = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;
    private final ItemChanges afterWrite;

    public ImprovementStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, ItemChanges.NONE);
    }

    /**
     * @param afterWrite told of every change of an improvement and every notice and link item this store writes, where no
     *                   table stream does it (the local runtime and tests hand it to the in-process notifier and to participation)
     */
    public ImprovementStore(DynamoDbClient dynamo, String table, ItemChanges afterWrite) {
        this.dynamo = dynamo;
        this.table = table;
        this.afterWrite = afterWrite;
    }

    public void insert(Improvement improvement) {
        Map<String, AttributeValue> item = ImprovementItems.toItem(improvement);
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(NOT_EXISTS)));
        } catch (ConditionalCheckFailedException exists) {
            throw new ConflictException("improvement " + improvement.id() + " exists already");
        }
    }

    /**
     * Writes a change made on the version it was read at; 409 when someone else changed it in between. The change is told
     * with the item as it was, as the stream tells it (a release credits the adopted idea).
     */
    public void replace(Improvement changed) {
        Map<String, AttributeValue> item = ImprovementItems.toItem(changed);
        Map<String, AttributeValue> before;
        try {
            before = StoreCalls.call(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("#v = :read")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":read", n(changed.version() - 1))).returnValues(ReturnValue.ALL_OLD))).attributes();
        } catch (ConditionalCheckFailedException stale) {
            throw new ConflictException("improvement " + changed.id() + " was changed by someone else; read it again and retry");
        }
        afterWrite.changed(before, item);
    }

    public Optional<Improvement> find(String id) {
        Map<String, AttributeValue> item = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(ImprovementKeys.item(id)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ImprovementItems.fromItem(item));
    }

    /**
     * Claims {@code feedbackId} for {@code improvementId} unless another improvement holds it; returns the holder after the
     * call (ours, or the earlier one), so a repeat of the same link is a no-op and a second improvement learns the first.
     */
    public String claimFeedback(String feedbackId, String improvementId) {
        return claim(ImprovementKeys.feedbackClaim(feedbackId), improvementId);
    }

    /** Claims a cluster: its new members join the holder automatically. Same semantics as {@link #claimFeedback}. */
    public String claimCluster(String clusterId, String improvementId) {
        return claim(ImprovementKeys.clusterClaim(clusterId), improvementId);
    }

    /** Claims a caller's create request for {@code improvementId}; answers the improvement that holds it (a retry finds the first). */
    public String claimRequest(String caller, String clientRequestId, String improvementId) {
        return claim(ImprovementKeys.requestClaim(caller, clientRequestId), improvementId);
    }

    public Optional<String> requestOwner(String caller, String clientRequestId) {
        return holder(ImprovementKeys.requestClaim(caller, clientRequestId));
    }

    public Optional<String> feedbackOwner(String feedbackId) {
        return holder(ImprovementKeys.feedbackClaim(feedbackId));
    }

    public Optional<String> clusterOwner(String clusterId) {
        return holder(ImprovementKeys.clusterClaim(clusterId));
    }

    /** Moves a claim from a duplicate to the improvement it duplicates; conditional on the duplicate still holding it. */
    public void moveFeedbackClaim(String feedbackId, String from, String to) {
        moveClaim(ImprovementKeys.feedbackClaim(feedbackId), from, to);
    }

    public void moveClusterClaim(String clusterId, String from, String to) {
        moveClaim(ImprovementKeys.clusterClaim(clusterId), from, to);
    }

    private String claim(Map<String, AttributeValue> key, String improvementId) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(TableSchema.ENTITY, s("IMPROVEMENT_CLAIM"));
        item.put("improvementId", s(improvementId));
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(NOT_EXISTS)));
            return improvementId;
        } catch (ConditionalCheckFailedException held) {
            return holder(key).orElseThrow(() -> held);
        }
    }

    private void moveClaim(Map<String, AttributeValue> key, String from, String to) {
        try {
            StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET improvementId = :to")
                    .conditionExpression("improvementId = :from").expressionAttributeValues(Map.of(":to", s(to), ":from", s(from)))));
        } catch (ConditionalCheckFailedException movedAlready) {
            // a re-driven move finds it moved: nothing to do
        }
    }

    private Optional<String> holder(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(string(item, "improvementId"));
    }

    /** Writes (or refreshes) a link item; idempotent. */
    public void putLink(String improvementId, LinkRecord link) {
        Map<String, AttributeValue> item = ImprovementItems.toItem(improvementId, link);
        // the link as it was comes back with the same call: a new link is told as such (no old image), like the stream does
        Map<String, AttributeValue> before = StoreCalls.call(() -> dynamo.putItem(b -> b.tableName(table).item(item)
                .returnValues(ReturnValue.ALL_OLD))).attributes();
        afterWrite.changed(before == null || before.isEmpty() ? null : before, item);
    }

    /** A page of link items in feedback-id order after the link sort key {@code afterSortKey} (null: from the start). */
    public record LinkPage(List<LinkRecord> links, String lastSortKey) {
    }

    public LinkPage links(String improvementId, String afterSortKey, int limit) {
        QueryResponse response = StoreCalls.call(() -> dynamo.query(partitionPrefix(ImprovementKeys.partition(improvementId),
                ImprovementKeys.LINK_PREFIX, afterSortKey, limit).build()));
        List<LinkRecord> links = new ArrayList<>(response.count());
        response.items().forEach(item -> links.add(ImprovementItems.link(item)));
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new LinkPage(links, more ? string(response.lastEvaluatedKey(), TableSchema.SK) : null);
    }

    /** Every link of an improvement, page by page. */
    public List<LinkRecord> allLinks(String improvementId) {
        List<LinkRecord> all = new ArrayList<>();
        String after = null;
        do {
            LinkPage page = links(improvementId, after, 1000);
            all.addAll(page.links());
            after = page.lastSortKey();
        } while (after != null);
        return all;
    }

    /** Records a supporter; false when this citizen supported it already. */
    public boolean putSupporter(String improvementId, String citizen, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(ImprovementKeys.supporter(improvementId, citizen));
        item.put(TableSchema.ENTITY, s("IMPROVEMENT_SUPPORTER"));
        item.put("at", instant(at));
        return insertOnce(item);
    }

    /** The citizens who support an improvement, page by page (moving the support of a duplicate). */
    public List<String> supporters(String improvementId) {
        List<String> citizens = new ArrayList<>();
        String after = null;
        do {
            QueryRequest request = partitionPrefix(ImprovementKeys.partition(improvementId), ImprovementKeys.SUPPORTER_PREFIX, after, 1000).build();
            QueryResponse response = StoreCalls.call(() -> dynamo.query(request));
            response.items().forEach(item -> citizens.add(string(item, TableSchema.SK).substring(ImprovementKeys.SUPPORTER_PREFIX.length())));
            boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            after = more ? string(response.lastEvaluatedKey(), TableSchema.SK) : null;
        } while (after != null);
        return citizens;
    }

    /** Supporter items of an improvement, counted by a Query with Select COUNT (reads only that partition's supporter range). */
    public long countSupporters(String improvementId) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryRequest.Builder request = partitionPrefix(ImprovementKeys.partition(improvementId), ImprovementKeys.SUPPORTER_PREFIX, null, 0)
                    .select(Select.COUNT);
            if (from != null) {
                request.exclusiveStartKey(from);
            }
            QueryResponse response = StoreCalls.call(() -> dynamo.query(request.build()));
            count += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** Writes a citizen's notice unless it exists; true when this call wrote it. */
    public boolean putNotice(ImprovementNotice notice) {
        Map<String, AttributeValue> item = new HashMap<>(ImprovementKeys.notice(notice.noticeId(), notice.citizen()));
        item.put(TableSchema.ENTITY, s(ImprovementNotice.ENTITY));
        item.put("event", s(ImprovementNotice.EVENT));
        item.put("deliveryId", s(notice.deliveryId()));
        item.put("noticeId", s(notice.noticeId()));
        item.put("improvementId", s(notice.improvementId()));
        item.put("recipient", s(notice.citizen()));
        item.put("status", s(notice.status()));
        item.put("text", s(notice.text()));
        item.put("createdAt", instant(notice.createdAt()));
        item.put("state", s("PENDING"));
        item.put(TableSchema.TTL, n(notice.createdAt().plus(NOTICE_KEPT).getEpochSecond()));
        return insertOnce(item);
    }

    /** The citizens holding a notice of this status change, page by page (tests and the notifier's re-drive). */
    public List<String> noticeRecipients(String noticeId) {
        List<String> citizens = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = StoreCalls.call(() -> dynamo.query(b -> {
                b.tableName(table).keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", TableSchema.PK))
                        .expressionAttributeValues(Map.of(":pk", s(ImprovementKeys.noticePartition(noticeId))));
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            }));
            response.items().forEach(item -> citizens.add(string(item, "recipient")));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return citizens;
    }

    /**
     * Moves a fan-out's cursor on, conditional on it still standing where this worker read it; false when another worker
     * (or a finished fan-out) got there first. Does not change the item's version: the fan-out is bookkeeping, and a staff
     * change written over it at worst sets the cursor back, which repeats only no-op notice writes.
     */
    public boolean advanceFanOut(String improvementId, String noticeId, String fromCursor, String toCursor) {
        try {
            StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(ImprovementKeys.item(improvementId))
                    .updateExpression("SET fanOuts.#n.#c = :to").conditionExpression("fanOuts.#n.#c = :from")
                    .expressionAttributeNames(Map.of("#n", noticeId, "#c", "cursor"))
                    .expressionAttributeValues(Map.of(":to", s(toCursor), ":from", s(fromCursor)))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    /** Removes a finished fan-out; when none is left the improvement leaves the pending-fan-out partition. */
    public void finishFanOut(String improvementId, String noticeId, String atCursor) {
        Map<String, AttributeValue> after;
        try {
            after = StoreCalls.call(() -> dynamo.updateItem(b -> b.tableName(table).key(ImprovementKeys.item(improvementId))
                    .updateExpression("REMOVE fanOuts.#n").conditionExpression("fanOuts.#n.#c = :at")
                    .expressionAttributeNames(Map.of("#n", noticeId, "#c", "cursor"))
                    .expressionAttributeValues(Map.of(":at", s(atCursor))).returnValues(ReturnValue.ALL_NEW))).attributes();
        } catch (ConditionalCheckFailedException finishedAlready) {
            return;
        }
        if (after.get("fanOuts") != null && after.get("fanOuts").hasM() && after.get("fanOuts").m().isEmpty()) {
            try {
                StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(ImprovementKeys.item(improvementId))
                        .updateExpression("REMOVE #pk, #sk").conditionExpression("size(fanOuts) = :zero")
                        .expressionAttributeNames(Map.of("#pk", TableSchema.BY_DUE.partitionKey(), "#sk", TableSchema.BY_DUE.sortKey()))
                        .expressionAttributeValues(Map.of(":zero", n(0)))));
            } catch (ConditionalCheckFailedException newFanOut) {
                // a status change added a fan-out meanwhile: the improvement stays pending
            }
        }
    }

    /** Improvements with a fan-out pending since at or before {@code until}, oldest first: the sweep resumes these. */
    public List<String> pendingFanOuts(Instant until, int limit) {
        QueryResponse response = StoreCalls.call(() -> dynamo.query(b -> b.tableName(table).indexName(TableSchema.BY_DUE.name())
                .keyConditionExpression("#pk = :pk AND #sk <= :until")
                .expressionAttributeNames(Map.of("#pk", TableSchema.BY_DUE.partitionKey(), "#sk", TableSchema.BY_DUE.sortKey()))
                .expressionAttributeValues(Map.of(":pk", s(ImprovementKeys.FANOUT_DUE), ":until", s(ImprovementKeys.byTime(until, "~"))))
                .limit(limit)));
        return ImprovementItems.ids(response.items(), "id");
    }

    /** Records that a released improvement fixed something on a screen for a feedback type; idempotent. */
    public void putReleasedScreen(String screenPath, String type, String improvementId) {
        Map<String, AttributeValue> item = ImprovementKeys.key(ImprovementKeys.releasedScreen(screenPath), type + "#" + improvementId);
        item.put(TableSchema.ENTITY, s("RELEASED_SCREEN"));
        item.put("improvementId", s(improvementId));
        StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item)));
    }

    /** Released improvements on a screen for a feedback type. */
    public List<String> releasedOnScreen(String screenPath, String type) {
        QueryResponse response = StoreCalls.call(() -> dynamo.query(partitionPrefix(ImprovementKeys.releasedScreen(screenPath), type + "#", null, 50)
                .build()));
        return ImprovementItems.ids(response.items(), "improvementId");
    }

    /** A page of improvements from one index partition, and the sort key the next page starts after (null on the last page). */
    public record Page(List<Improvement> items, String lastSortKey) {
    }

    /**
     * One page of {@code index} partition {@code partition}, ascending or descending, after {@code afterSortKey}. Every sort
     * key of these indexes ends with {@code #{improvement id}}, which is how the page's start key is rebuilt.
     */
    public Page list(TableSchema.Index index, String partition, boolean ascending, int limit, String afterSortKey, String statusFilter) {
        QueryResponse response = StoreCalls.call(() -> dynamo.query(b -> {
            Map<String, String> names = new HashMap<>(Map.of("#pk", index.partitionKey()));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(partition)));
            b.tableName(table).indexName(index.name()).keyConditionExpression("#pk = :pk").scanIndexForward(ascending).limit(limit);
            if (statusFilter != null) {
                names.put("#status", "status");
                values.put(":status", s(statusFilter));
                b.filterExpression("#status = :status");
            }
            b.expressionAttributeNames(names).expressionAttributeValues(values);
            if (afterSortKey != null) {
                String id = afterSortKey.substring(afterSortKey.lastIndexOf('#') + 1);
                Map<String, AttributeValue> start = new HashMap<>(ImprovementKeys.item(id));
                start.put(index.partitionKey(), s(partition));
                start.put(index.sortKey(), s(afterSortKey));
                b.exclusiveStartKey(start);
            }
        }));
        List<Improvement> items = new ArrayList<>(response.count());
        response.items().forEach(item -> items.add(ImprovementItems.fromItem(item)));
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new Page(items, more ? string(response.lastEvaluatedKey(), index.sortKey()) : null);
    }

    /** A query of one partition's sort keys starting with {@code prefix}, after {@code afterSortKey} when given. */
    private QueryRequest.Builder partitionPrefix(String pk, String prefix, String afterSortKey, int limit) {
        QueryRequest.Builder b = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableSchema.PK, "#sk", TableSchema.SK))
                .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(prefix)))
                .consistentRead(true);
        if (limit > 0) {
            b.limit(limit);
        }
        if (afterSortKey != null) {
            b.exclusiveStartKey(ImprovementKeys.key(pk, afterSortKey));
        }
        return b;
    }

    /** Writes a new item unless one with its key exists, telling the listener of a write; false when it existed. */
    private boolean insertOnce(Map<String, AttributeValue> item) {
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(NOT_EXISTS)));
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
        afterWrite.changed(null, item);
        return true;
    }
}

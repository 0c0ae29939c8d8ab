package com.govfeedback.feedback;

import static com.govfeedback.storage.Attributes.instant;
import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.putIfPresent;
import static com.govfeedback.storage.Attributes.s;
import static com.govfeedback.storage.Attributes.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Feedback items and the submission claims that make submitting idempotent.
 *
 * <pre>
 * feedback:  PK = FEEDBACK#{id}         SK = FEEDBACK          GSI1PK = CITIZEN#{subject}  GSI1SK = {id}
 * claim:     PK = CITIZEN#{subject}     SK = REQUEST#{clientRequestId}   (feedbackId, receivedAt, requestHash)
 * </pre>
 */
public final class FeedbackRepository {
    static final String FEEDBACK_SK = "FEEDBACK";
    private static final String NOT_EXISTS = "attribute_not_exists(" + TableSchema.PK + ")";

    private final DynamoDbClient dynamo;
    private final String table;

    public FeedbackRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
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
        }
    }

    public Optional<Feedback> find(String id) {
        Map<String, AttributeValue> item = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** A citizen's feedback, newest first, starting after the feedback id {@code afterId} when given. */
    public FeedbackPage listByCitizen(String citizen, int limit, String afterId) {
        Map<String, AttributeValue> values = Map.of(":pk", s(citizenKey(citizen)));
        QueryResponse response = StoreCalls.call(() -> dynamo.query(b -> {
            b.tableName(table).indexName(TableSchema.BY_CITIZEN.name())
                    .keyConditionExpression(TableSchema.BY_CITIZEN.partitionKey() + " = :pk")
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .limit(limit);
            if (afterId != null) {
                Map<String, AttributeValue> start = new HashMap<>(key(afterId));
                start.put(TableSchema.BY_CITIZEN.partitionKey(), s(citizenKey(citizen)));
                start.put(TableSchema.BY_CITIZEN.sortKey(), s(afterId));
                b.exclusiveStartKey(start);
            }
        }));
        List<Feedback> items = new ArrayList<>(response.count());
        for (Map<String, AttributeValue> item : response.items()) {
            items.add(fromItem(item));
        }
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !items.isEmpty()
                ? items.get(items.size() - 1).id()
                : null;
        return new FeedbackPage(items, next);
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(TableSchema.PK, s("FEEDBACK#" + id), TableSchema.SK, s(FEEDBACK_SK));
    }

    private static Map<String, AttributeValue> claimKey(String citizen, String clientRequestId) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(TableSchema.PK, s(citizenKey(citizen)));
        key.put(TableSchema.SK, s("REQUEST#" + clientRequestId));
        return key;
    }

    static String citizenKey(String citizen) {
        return "CITIZEN#" + citizen;
    }

    static Map<String, AttributeValue> toItem(Feedback f) {
        Map<String, AttributeValue> item = new HashMap<>(key(f.id()));
        item.put(TableSchema.ENTITY, s("FEEDBACK"));
        item.put(TableSchema.BY_CITIZEN.partitionKey(), s(citizenKey(f.citizen())));
        item.put(TableSchema.BY_CITIZEN.sortKey(), s(f.id()));
        item.put("id", s(f.id()));
        item.put("trackingNo", s(f.trackingNo()));
        item.put("citizen", s(f.citizen()));
        item.put("status", s(f.status().name()));
        item.put("receivedAt", instant(f.receivedAt()));
        item.put("text", s(f.text()));
        item.put("channel", s(f.channel().name()));
        item.put("context", AttributeValue.fromM(contextToMap(f.context())));
        item.put("version", n(f.version()));
        return item;
    }

    static Feedback fromItem(Map<String, AttributeValue> item) {
        return new Feedback(string(item, "id"), string(item, "trackingNo"), string(item, "citizen"),
                Status.valueOf(string(item, "status")), Attributes.instant(item, "receivedAt"), string(item, "text"),
                Channel.valueOf(string(item, "channel")), contextFromMap(Attributes.map(item, "context")),
                Attributes.number(item, "version"));
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

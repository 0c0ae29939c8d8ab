package com.govfeedback.feedback.intake;

import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.s;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.govfeedback.feedback.store.FeedbackKeys;
import com.govfeedback.shared.RateLimitedException;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Caps new submissions per citizen per clock hour with one conditional counter item:
 * {@code PK = CITIZEN#{subject}, SK = RATE#{hour}}, deleted by TTL a day later. Fixed windows are
 * coarse but cost one write and no read.
 */
public final class SubmissionLimiter {
    private final DynamoDbClient dynamo;
    private final String table;
    private final int perHour;

    public SubmissionLimiter(DynamoDbClient dynamo, String table, int perHour) {
        this.dynamo = dynamo;
        this.table = table;
        this.perHour = perHour;
    }

    /** Counts one submission, or throws {@link RateLimitedException} when the hour's quota is used up. */
    public void acquire(String citizen, Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        try {
            StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of(TableSchema.PK, s(FeedbackKeys.citizenPartition(citizen)), TableSchema.SK, s("RATE#" + hour)))
                    .updateExpression("ADD #count :one SET #ttl = :ttl, #entity = :entity")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                    .expressionAttributeNames(Map.of("#count", "count", "#ttl", TableSchema.TTL, "#entity", TableSchema.ENTITY))
                    .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(perHour),
                            ":ttl", n(hour.plus(Duration.ofDays(1)).getEpochSecond()), ":entity", s("RATE")))));
        } catch (ConditionalCheckFailedException quotaUsed) {
            long retryAfter = Math.max(1, Duration.between(now, hour.plus(Duration.ofHours(1))).toSeconds());
            throw new RateLimitedException("at most " + perHour + " feedback submissions per hour; try again in " + retryAfter + " s",
                    retryAfter);
        }
    }
}

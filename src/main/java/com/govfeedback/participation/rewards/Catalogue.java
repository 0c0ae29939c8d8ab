package com.govfeedback.participation.rewards;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.participation.ParticipationData;
import com.govfeedback.participation.store.GuardedMoves.Change;
import com.govfeedback.participation.store.GuardedMoves.Decision;
import com.govfeedback.participation.store.ParticipationKeys;
import com.govfeedback.shared.NotFoundException;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The rewards citizens redeem points for ({@code PARTICIPATION#CATALOGUE} / {@code REWARD#{id}}), each with its stock. */
public final class Catalogue {
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    private static final String FILE = "rewards.json";

    private final DynamoDbClient dynamo;
    private final String table;

    public Catalogue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public record Reward(String id, String title, long cost, long stock) {
    }

    /** The shipped seed ({@code participation/rewards.json}). */
    public static List<Reward> seedFile() {
        JsonNode root = ParticipationData.read(FILE);
        List<Reward> rewards = new java.util.ArrayList<>();
        for (JsonNode reward : root.path("rewards")) {
            rewards.add(new Reward(reward.path("id").asText(), reward.path("title").asText(), ParticipationData.positive(reward, "cost", FILE),
                    reward.path("stock").asLong()));
        }
        return rewards;
    }

    /** Adds the rewards not in the catalogue yet; existing ones (and their stock) stay as they are. The number added. */
    public int seed(List<Reward> rewards) {
        int added = 0;
        for (Reward reward : rewards) {
            Map<String, AttributeValue> item = new HashMap<>(ParticipationKeys.reward(reward.id()).value());
            item.put(TableSchema.ENTITY, Attributes.s("REWARD"));
            item.put("rewardId", Attributes.s(reward.id()));
            item.put("title", Attributes.s(reward.title()));
            item.put("cost", Attributes.n(reward.cost()));
            item.put("stock", Attributes.n(reward.stock()));
            item.put("version", Attributes.n(1));
            try {
                StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)")));
                added++;
            } catch (ConditionalCheckFailedException present) {
                // kept with its current stock
            }
        }
        return added;
    }

    public List<Reward> list() {
        return StoreCalls.call(() -> dynamo.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", Attributes.s(ParticipationKeys.CATALOGUE), ":prefix", Attributes.s(ParticipationKeys.REWARD_PREFIX)))))
                .items().stream().map(Catalogue::reward).toList();
    }

    /** One reward; 404 when the catalogue has none with that id. */
    public Reward get(String rewardId) {
        Map<String, AttributeValue> item = rewardId == null ? null : StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(ParticipationKeys.reward(rewardId).value()).consistentRead(true))).item();
        if (item == null || item.isEmpty()) {
            throw new NotFoundException("no reward " + rewardId);
        }
        return reward(item);
    }

    /** Takes one from stock: refused at zero, so stock never goes below it. */
    static Change take() {
        return item -> {
            long stock = Attributes.number(item, "stock");
            return stock < 1 ? Decision.refuse(OUT_OF_STOCK) : Decision.change(Map.of("stock", Attributes.n(stock - 1)));
        };
    }

    /** Puts one back after a failed fulfilment. */
    static Change putBack() {
        return item -> Decision.change(Map.of("stock", Attributes.n(Attributes.number(item, "stock") + 1)));
    }

    private static Reward reward(Map<String, AttributeValue> item) {
        return new Reward(Attributes.string(item, "rewardId"), Attributes.string(item, "title"), Attributes.number(item, "cost"),
                Attributes.number(item, "stock"));
    }
}

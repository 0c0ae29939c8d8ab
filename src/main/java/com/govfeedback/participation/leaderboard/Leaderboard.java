package com.govfeedback.participation.leaderboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.govfeedback.participation.store.GuardedMoves.Key;
import com.govfeedback.participation.store.ParticipationKeys;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * 贡献榜: per city and period, {@value #SHARDS} shard items each keep the top {@code size} citizens of their shard (a citizen's
 * shard is a hash of their subject), updated by the ledger after every payment with a conditional write on the shard's
 * version. The global top {@code size} is among the shards' tops, so reading a board is one BatchGetItem of
 * {@value #SHARDS} items whatever the number of citizens; sharding keeps a busy city's writes off a single item.
 */
public final class Leaderboard {
    public static final int SHARDS = 4;
    private static final String TOP = "top";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Profiles profiles;
    private final int size;

    public Leaderboard(DynamoDbClient dynamo, String table, Profiles profiles, int size) {
        this.dynamo = dynamo;
        this.table = table;
        this.profiles = profiles;
        this.size = size;
    }

    /** One line of a board: rank, masked name, points. */
    public record Row(int rank, String name, long points) {
    }

    /** A board as read, with the number of items the read cost. */
    public record Board(String city, String period, List<Row> rows, int itemsRead) {
    }

    record Standing(String subject, String name, long points) {
    }

    /**
     * Puts a citizen's current totals on their city's boards (period → points), unless they opted out or named no city.
     * A total only ever raises a standing, so replaying an older total changes nothing.
     */
    public void record(String subject, Map<String, Long> totals) {
        Profiles.Profile profile = profiles.get(subject);
        if (!profile.onBoards()) {
            return;
        }
        totals.forEach((period, points) -> raise(ParticipationKeys.board(profile.city(), period, shard(subject)), subject, profile.maskedName(), points));
    }

    /**
     * Saves what the boards show of a citizen; opting out, or moving to another city, takes them off their former city's
     * {@code currentPeriods} boards at once (older periods' boards are history and keep the masked name).
     */
    public Profiles.Profile saveProfile(String subject, String name, String regionCode, boolean optOut, boolean namedOnCredits,
            List<String> currentPeriods) {
        Profiles.Profile before = profiles.get(subject);
        Profiles.Profile after = profiles.save(subject, name, regionCode, optOut, namedOnCredits);
        if (before.city() != null && (optOut || !before.city().equals(after.city()))) {
            remove(subject, before.city(), currentPeriods);
        }
        return after;
    }

    /** Takes a citizen off the given periods' boards of a city. */
    public void remove(String subject, String city, List<String> periods) {
        for (String period : periods) {
            update(ParticipationKeys.board(city, period, shard(subject)), standings -> standings.remove(subject) != null);
        }
    }

    public Board top(String city, String period) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            keys.add(ParticipationKeys.board(city, period, shard).value());
        }
        List<Map<String, AttributeValue>> items = StoreCalls.call(() -> dynamo.batchGetItem(b -> b.requestItems(
                Map.of(table, KeysAndAttributes.builder().keys(keys).build())))).responses().getOrDefault(table, List.of());
        List<Standing> all = new ArrayList<>();
        items.forEach(item -> all.addAll(standings(item).values()));
        all.sort(Comparator.comparingLong(Standing::points).reversed().thenComparing(Standing::subject));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(size, all.size()); i++) {
            rows.add(new Row(i + 1, all.get(i).name(), all.get(i).points()));
        }
        return new Board(city, period, rows, SHARDS);
    }

    private void raise(Key shard, String subject, String name, long points) {
        update(shard, standings -> {
            Standing current = standings.get(subject);
            if (current != null && current.points() >= points && current.name().equals(name)) {
                return false;
            }
            standings.put(subject, new Standing(subject, name, Math.max(points, current == null ? 0 : current.points())));
            if (standings.size() > size) {
                Standing lowest = standings.values().stream().min(Comparator.comparingLong(Standing::points).thenComparing(Standing::subject,
                        Comparator.reverseOrder())).orElseThrow();
                standings.remove(lowest.subject());
                return !lowest.subject().equals(subject);
            }
            return true;
        });
    }

    /** Reads a shard, lets {@code change} edit its standings (true when it changed them) and writes it back on its version. */
    private void update(Key shard, Predicate<Map<String, Standing>> change) {
        while (true) {
            Map<String, AttributeValue> item = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table).key(shard.value()).consistentRead(true))).item();
            Map<String, Standing> standings = item == null ? new HashMap<>() : standings(item);
            if (!change.test(standings)) {
                return;
            }
            long version = item == null || item.isEmpty() ? 0 : Attributes.number(item, "version");
            Map<String, AttributeValue> next = new HashMap<>(shard.value());
            next.put(TableSchema.ENTITY, Attributes.s("BOARD"));
            next.put("version", Attributes.n(version + 1));
            Map<String, AttributeValue> top = new HashMap<>();
            standings.values().forEach(s -> top.put(s.subject(), AttributeValue.fromM(Map.of("name", Attributes.s(s.name()), "points", Attributes.n(s.points())))));
            next.put(TOP, AttributeValue.fromM(top));
            try {
                StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(next)
                        .conditionExpression(version == 0 ? "attribute_not_exists(PK)" : "version = :read")
                        .expressionAttributeValues(version == 0 ? null : Map.of(":read", Attributes.n(version)))));
                return;
            } catch (ConditionalCheckFailedException raced) {
                // another payment changed the shard: read it again
            }
        }
    }

    private static Map<String, Standing> standings(Map<String, AttributeValue> item) {
        Map<String, Standing> standings = new HashMap<>();
        Attributes.map(item, TOP).forEach((subject, value) -> standings.put(subject,
                new Standing(subject, value.m().get("name").s(), Long.parseLong(value.m().get("points").n()))));
        return standings;
    }

    static int shard(String subject) {
        return Math.floorMod(subject.hashCode(), SHARDS);
    }
}

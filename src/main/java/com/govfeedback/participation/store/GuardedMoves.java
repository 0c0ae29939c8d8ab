package com.govfeedback.participation.store;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Moves an entry (a ledger entry, a redemption, an application) from one state to the next together with a change of the
 * guarded item it draws on (an account, a reward's stock, the programme's quotas), without transactions, in three
 * conditional single-item writes:
 * <ol>
 * <li>the guarded item takes an <em>intent</em> (the entry, the two states, a nonce and the guarded item's new values,
 * computed from the version read) on the condition that its version is still the one read and no intent is open;</li>
 * <li>the entry moves {@code from → to} and records the nonce under {@code moves.{to}};</li>
 * <li>the guarded item takes its new values and drops the intent, on the condition that the intent is still this one.</li>
 * </ol>
 * Whoever finds an open intent completes it first (step 2 then 3), so a crash between steps is finished by the next
 * writer or by the re-drive. The new values are applied only when the entry carries this intent's nonce, so a move raced
 * by a second worker is applied once: the loser finds the entry already moved under another nonce and drops its intent.
 */
public final class GuardedMoves {
    public static final String STATE = "state";
    public static final String VERSION = "version";
    static final String INTENT = "intent";
    static final String MOVES = "moves";
    private static final int MAX_ATTEMPTS = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient dynamo;
    private final String table;

    public GuardedMoves(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A table key. */
    public record Key(String pk, String sk) {
        public Map<String, AttributeValue> value() {
            return Map.of(TableSchema.PK, Attributes.s(pk), TableSchema.SK, Attributes.s(sk));
        }
    }

    /** What the guarded item becomes (absolute values), or why it may not change. */
    public record Decision(Map<String, AttributeValue> sets, String refusal) {
        public static Decision change(Map<String, AttributeValue> sets) {
            return new Decision(Map.copyOf(sets), null);
        }

        public static Decision refuse(String reason) {
            return new Decision(Map.of(), reason);
        }
    }

    /** Decides the guarded item's new values from its current image (empty when it does not exist yet). */
    @FunctionalInterface
    public interface Change {
        Decision decide(Map<String, AttributeValue> guard);
    }

    /** How a move ended: moved now, refused by the guarded item's rule, or the entry was no longer at {@code from}. */
    public record Outcome(boolean moved, String refusal, String entryState) {
    }

    /** The attributes every entry starts with besides its own: its state and the record of its moves. */
    public static void initialise(Map<String, AttributeValue> entry, String state) {
        entry.put(STATE, Attributes.s(state));
        entry.put(MOVES, AttributeValue.fromM(Map.of()));
    }

    public Outcome move(Key guard, Key entry, String from, String to, Change change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> guardItem = read(guard);
            Map<String, AttributeValue> open = Attributes.map(guardItem, INTENT);
            if (!open.isEmpty()) {
                complete(guard, open);
                continue;
            }
            String state = Attributes.string(read(entry), STATE);
            if (!from.equals(state)) {
                return new Outcome(false, null, state);
            }
            Decision decision = change.decide(guardItem);
            if (decision.refusal() != null) {
                return new Outcome(false, decision.refusal(), state);
            }
            Map<String, AttributeValue> intent = intent(entry, from, to, decision.sets());
            if (takeIntent(guard, guardItem, intent) && complete(guard, intent)) {
                return new Outcome(true, null, to);
            }
        }
        throw new IllegalStateException("no progress moving " + entry + " after " + MAX_ATTEMPTS + " attempts");
    }

    /** Moves an entry that draws on no guarded item, setting and removing attributes with it; true when this call moved it. */
    public boolean set(Key entry, String from, String to, Map<String, AttributeValue> sets, List<String> removes) {
        Map<String, String> names = new HashMap<>(Map.of("#state", STATE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":from", Attributes.s(from), ":to", Attributes.s(to)));
        StringBuilder update = new StringBuilder("SET #state = :to");
        int i = 0;
        for (Map.Entry<String, AttributeValue> set : sets.entrySet()) {
            names.put("#s" + i, set.getKey());
            values.put(":s" + i, set.getValue());
            update.append(", #s").append(i).append(" = :s").append(i);
            i++;
        }
        for (int r = 0; r < removes.size(); r++) {
            names.put("#r" + r, removes.get(r));
            update.append(r == 0 ? " REMOVE #r" : ", #r").append(r);
        }
        try {
            StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(entry.value()).updateExpression(update.toString())
                    .conditionExpression("#state = :from").expressionAttributeNames(names).expressionAttributeValues(values)));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    public Map<String, AttributeValue> read(Key key) {
        Map<String, AttributeValue> item = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table).key(key.value()).consistentRead(true))).item();
        return item == null ? Map.of() : item;
    }

    private static Map<String, AttributeValue> intent(Key entry, String from, String to, Map<String, AttributeValue> sets) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return Map.of("pk", Attributes.s(entry.pk()), "sk", Attributes.s(entry.sk()), "from", Attributes.s(from), "to", Attributes.s(to),
                "nonce", Attributes.s(HexFormat.of().formatHex(nonce)), "sets", AttributeValue.fromM(sets));
    }

    private boolean takeIntent(Key guard, Map<String, AttributeValue> read, Map<String, AttributeValue> intent) {
        boolean missing = read.isEmpty();
        long version = Attributes.number(read, VERSION);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":intent", AttributeValue.fromM(intent), ":next", Attributes.n(version + 1)));
        if (!missing) {
            values.put(":read", Attributes.n(version));
        }
        try {
            StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(guard.value())
                    .updateExpression("SET #intent = :intent, #version = :next")
                    .conditionExpression(missing ? "attribute_not_exists(#version)" : "#version = :read AND attribute_not_exists(#intent)")
                    .expressionAttributeNames(Map.of("#intent", INTENT, "#version", VERSION)).expressionAttributeValues(values)));
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }

    /** Steps 2 and 3 for an open intent; true when its change was applied (the entry carries its nonce). */
    private boolean complete(Key guard, Map<String, AttributeValue> intent) {
        Key entry = new Key(intent.get("pk").s(), intent.get("sk").s());
        String to = intent.get("to").s();
        AttributeValue nonce = intent.get("nonce");
        boolean applied;
        try {
            StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(entry.value())
                    .updateExpression("SET #state = :to, #moves.#to = :nonce").conditionExpression("#state = :from")
                    .expressionAttributeNames(Map.of("#state", STATE, "#moves", MOVES, "#to", to))
                    .expressionAttributeValues(Map.of(":to", Attributes.s(to), ":from", intent.get("from"), ":nonce", nonce))));
            applied = true;
        } catch (ConditionalCheckFailedException alreadyMoved) {
            AttributeValue recorded = Attributes.map(read(entry), MOVES).get(to);
            applied = recorded != null && nonce.s().equals(recorded.s());
        }
        Map<String, String> names = new HashMap<>(Map.of("#intent", INTENT, "#nonce", "nonce", "#version", VERSION));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":nonce", nonce, ":one", Attributes.n(1)));
        StringBuilder update = new StringBuilder("SET #version = #version + :one");
        if (applied) {
            int i = 0;
            for (Map.Entry<String, AttributeValue> set : intent.get("sets").m().entrySet()) {
                names.put("#s" + i, set.getKey());
                values.put(":s" + i, set.getValue());
                update.append(", #s").append(i).append(" = :s").append(i);
                i++;
            }
        }
        update.append(" REMOVE #intent");
        try {
            StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(guard.value()).updateExpression(update.toString())
                    .conditionExpression("#intent.#nonce = :nonce").expressionAttributeNames(names).expressionAttributeValues(values)));
        } catch (ConditionalCheckFailedException completedByAnother) {
            // another writer finished this intent first: its values are in place
        }
        return applied;
    }
}

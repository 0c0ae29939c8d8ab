package com.govfeedback.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.govfeedback.storage.BatchGets;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The aggregate items in the table, two per cell (a day and a subject):
 *
 * <pre>
 * tally:   PK = INSIGHT_TALLY#{day}  SK = {KIND}#{subject}   counters, seen:{feedback id} marks, revision   (written by deltas)
 * figures: PK = INSIGHTS#{day}       SK = {KIND}#{subject}   counters, revision                          (read by the dashboard)
 * </pre>
 *
 * <p>Exactly once per change without transactions: the tally records, per feedback, the version of the last change
 * applied to it ({@code seen:{feedback id}}), and a delta is one conditional {@code UpdateItem} per tally that adds the
 * counters, moves that mark and counts the tally's {@code revision} up, only when the delta's version is newer. A repeated
 * delivery (a stream retry, a re-driven listener) fails the condition and changes nothing; a delta interrupted between two
 * items is completed by its repeat. An item that loses a feedback's contribution must have seen that feedback before; one
 * rebuilt without it (see {@link InsightRebuild}) ignores the late delivery instead of going negative.
 *
 * <p>The marks make a tally grow with every feedback it counts, so readers never read it: after each change (and after a
 * refused repeat, which may follow a crash between the two writes) the tally's counters are copied to the small figures
 * item with its revision, on condition that the figures hold an older one; a late copy never overwrites a newer one.
 */
public final class InsightStore {
    static final String PARTITION_PREFIX = "INSIGHTS#";
    static final String TALLY_PREFIX = "INSIGHT_TALLY#";
    static final String ENTITY = "INSIGHT";
    static final String TALLY_ENTITY = "INSIGHT_TALLY";
    static final String SEEN_PREFIX = "seen:";
    static final String REVISION = "revision";
    /** Day queries run at most this many at a time: a quarter's range answers in about a tenth of the time of one after another. */
    static final int PARALLEL_DAYS = 8;
    /** The character after '#': {@code KIND$} sorts after every {@code KIND#subject}. */
    private static final String AFTER_KIND = "$";

    private final DynamoDbClient dynamo;
    private final String table;

    public InsightStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The key of the figures item readers read. */
    static Map<String, AttributeValue> key(InsightCell cell) {
        return Map.of(TableSchema.PK, AttributeValue.fromS(PARTITION_PREFIX + cell.day()), TableSchema.SK, sortKey(cell));
    }

    /** The key of the tally the deltas are applied to. */
    static Map<String, AttributeValue> tallyKey(InsightCell cell) {
        return Map.of(TableSchema.PK, AttributeValue.fromS(TALLY_PREFIX + cell.day()), TableSchema.SK, sortKey(cell));
    }

    private static AttributeValue sortKey(InsightCell cell) {
        return AttributeValue.fromS(cell.kind().name() + "#" + cell.subject());
    }

    /** A tally as the deltas leave it: counters, a mark per feedback counted, the revision. */
    static Map<String, AttributeValue> tallyItem(InsightCell cell, Map<String, Long> counters, Map<String, Long> seen, long revision) {
        Map<String, AttributeValue> item = new HashMap<>(tallyKey(cell));
        item.put(TableSchema.ENTITY, AttributeValue.fromS(TALLY_ENTITY));
        counters.forEach((name, amount) -> item.put(name, number(amount)));
        seen.forEach((id, version) -> item.put(SEEN_PREFIX + id, number(version)));
        item.put(REVISION, number(revision));
        return item;
    }

    /** The figures item of a tally: its counters and revision, no marks. */
    static Map<String, AttributeValue> figuresItem(InsightCell cell, Map<String, AttributeValue> tally) {
        Map<String, AttributeValue> item = new HashMap<>(key(cell));
        item.put(TableSchema.ENTITY, AttributeValue.fromS(ENTITY));
        tally.forEach((name, value) -> {
            if (isCounter(name, value) || name.equals(REVISION)) {
                item.put(name, value);
            }
        });
        return item;
    }

    private static boolean isCounter(String name, AttributeValue value) {
        return value.n() != null && !name.startsWith(SEEN_PREFIX) && !name.equals(REVISION);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** Applies a change's delta; answers how many items it moved (0 when every item had applied it already). */
    public int apply(InsightDelta delta) {
        int moved = 0;
        for (var entry : delta.changes().entrySet()) {
            if (applyTo(entry.getKey(), entry.getValue(), delta.feedbackId(), delta.version(), delta.leaving().get(entry.getKey()))) {
                moved++;
            }
        }
        return moved;
    }

    private boolean applyTo(InsightCell cell, Map<String, Long> counters, String feedbackId, long version, boolean leaving) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        int i = 0;
        for (var counter : counters.entrySet()) {
            names.put("#c" + i, counter.getKey());
            values.put(":c" + i, number(counter.getValue()));
            adds.add("#c" + i + " :c" + i);
            i++;
        }
        names.put("#revision", REVISION);
        values.put(":one", number(1));
        adds.add("#revision :one");
        names.put("#seen", SEEN_PREFIX + feedbackId);
        names.put("#entity", TableSchema.ENTITY);
        values.put(":version", number(version));
        values.put(":entity", AttributeValue.fromS(TALLY_ENTITY));
        String newer = "#seen < :version";
        Map<String, AttributeValue> tally;
        boolean applied;
        try {
            tally = StoreCalls.call(() -> dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(tallyKey(cell))
                    .updateExpression("ADD " + String.join(", ", adds) + " SET #seen = :version, #entity = :entity")
                    .conditionExpression(leaving ? newer : "attribute_not_exists(#seen) OR " + newer)
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW).build())).attributes();
            applied = true;
        } catch (ConditionalCheckFailedException alreadyApplied) {
            // applied before: its copy to the figures may not have been made (a crash between the two writes)
            tally = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table).key(tallyKey(cell)).consistentRead(true))).item();
            applied = false;
        }
        if (tally != null && !tally.isEmpty()) {
            publish(cell, tally);
        }
        return applied;
    }

    /** Copies a tally's counters to its figures item, unless the figures already hold this revision or a newer one. */
    private void publish(InsightCell cell, Map<String, AttributeValue> tally) {
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(figuresItem(cell, tally))
                    .conditionExpression("attribute_not_exists(#revision) OR #revision < :revision")
                    .expressionAttributeNames(Map.of("#revision", REVISION))
                    .expressionAttributeValues(Map.of(":revision", tally.get(REVISION)))));
        } catch (ConditionalCheckFailedException newerCopied) {
            // a later change of the same tally copied it already
        }
    }

    /** The COUNTS or RATINGS items of the days {@code from}..{@code to}, every department. */
    public List<InsightItem> read(InsightCell.Kind kind, LocalDate from, LocalDate to) {
        return read(EnumSet.of(kind), from, to);
    }

    /**
     * The items of the {@code kinds} for the days {@code from}..{@code to}, every subject: one query per day over the sort
     * key range from the first kind to the last (kinds between them are read and left out, so ask for neighbours), at
     * most {@value #PARALLEL_DAYS} days at a time. Answers days × subjects items, whatever the number of feedback.
     */
    public List<InsightItem> read(Set<InsightCell.Kind> kinds, LocalDate from, LocalDate to) {
        List<String> prefixes = kinds.stream().map(InsightCell.Kind::name).sorted().toList();
        String low = prefixes.get(0) + "#";
        String high = prefixes.get(prefixes.size() - 1) + AFTER_KIND;
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        List<InsightItem> items = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> reads = new ArrayList<>();
            for (int lane = 0; lane < Math.min(PARALLEL_DAYS, days.size()); lane++) {
                int first = lane;
                reads.add(lanes.submit(() -> {
                    for (int d = first; d < days.size(); d += PARALLEL_DAYS) {
                        readDay(days.get(d), low, high, kinds, items);
                    }
                }));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        List<InsightItem> inOrder = new ArrayList<>(items);
        inOrder.sort(Comparator.comparing((InsightItem i) -> i.cell().day()).thenComparing(i -> i.cell().kind()).thenComparing(i -> i.cell().subject()));
        return inOrder;
    }

    private void readDay(LocalDate day, String low, String high, Set<InsightCell.Kind> kinds, List<InsightItem> into) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            var page = StoreCalls.call(() -> dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :low AND :high")
                    .expressionAttributeNames(Map.of("#pk", TableSchema.PK, "#sk", TableSchema.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PARTITION_PREFIX + day), ":low", AttributeValue.fromS(low),
                            ":high", AttributeValue.fromS(high)))
                    .exclusiveStartKey(after).build()));
            for (Map<String, AttributeValue> item : page.items()) {
                String sortKey = item.get(TableSchema.SK).s();
                InsightCell.Kind kind = InsightCell.Kind.valueOf(sortKey.substring(0, sortKey.indexOf('#')));
                if (kinds.contains(kind)) {
                    into.add(InsightItem.from(kind, day, item));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /**
     * The items of {@code kind} for each of the subjects on each day {@code from}..{@code until} (excluded) that exist: one
     * GetItem per day and subject, batched ({@link BatchGets}).
     */
    public List<InsightItem> read(InsightCell.Kind kind, Set<String> subjects, LocalDate from, LocalDate until) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            for (String subject : subjects) {
                keys.add(key(new InsightCell(kind, day, subject)));
            }
        }
        return BatchGets.all(dynamo, table, keys).stream()
                .map(item -> InsightItem.from(kind, LocalDate.parse(item.get(TableSchema.PK).s().substring(PARTITION_PREFIX.length())), item))
                .toList();
    }

    /** One aggregate item as read: its cell and its counters. */
    public record InsightItem(InsightCell cell, Map<String, Long> counters) {
        static InsightItem from(InsightCell.Kind kind, LocalDate day, Map<String, AttributeValue> item) {
            String subject = item.get(TableSchema.SK).s().substring(kind.name().length() + 1);
            Map<String, Long> counters = new TreeMap<>();
            item.forEach((name, value) -> {
                if (isCounter(name, value)) {
                    counters.put(name, Long.parseLong(value.n()));
                }
            });
            return new InsightItem(new InsightCell(kind, day, subject), counters);
        }
    }
}

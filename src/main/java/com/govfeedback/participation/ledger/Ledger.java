package com.govfeedback.participation.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.participation.leaderboard.BoardPeriods;
import com.govfeedback.participation.leaderboard.Leaderboard;
import com.govfeedback.participation.levels.StarLevels;
import com.govfeedback.participation.store.GuardedMoves;
import com.govfeedback.participation.store.ParticipationKeys;
import com.govfeedback.participation.store.ParticipationTrail;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.Pages;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The points ledger. An award is an entry keyed by its cause, written once ({@code attribute_not_exists}), then posted to
 * the account by a guarded move that pays it at most once however many workers replay it; the balance is the sum of
 * posted entries and never negative. Settling a posted entry (notice, audit, level-up notice, boards) is idempotent and
 * re-driven from the unsettled index until done.
 */
public final class Ledger {
    public static final String CAPPED = "CAPPED";
    private static final String CURSOR = "ledger:";

    private final DynamoDbClient dynamo;
    private final String table;
    private final GuardedMoves moves;
    private final PointRules rules;
    private final StarLevels levels;
    private final AccountChanges changes;
    private final Leaderboard board;
    private final ParticipationTrail trail;
    private final Clock clock;

    public Ledger(DynamoDbClient dynamo, String table, PointRules rules, StarLevels levels, Leaderboard board, ParticipationTrail trail, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.moves = new GuardedMoves(dynamo, table);
        this.rules = rules;
        this.levels = levels;
        this.changes = new AccountChanges(rules, levels);
        this.board = board;
        this.trail = trail;
        this.clock = clock;
    }

    /** A page of a citizen's own entries, newest first. */
    public record EntryPage(List<LedgerEntry> items, String nextCursor) {
    }

    /** A citizen's standing: balance, what they may spend, what they earned, their stars and its title. */
    public record Standing(long balance, long available, long earned, int stars, String title) {
    }

    /**
     * Pays {@code ruleId}'s points to {@code citizen} for {@code causeId}, once: a repeat answers the entry as it stands.
     * The answer's state is POSTED, or CAPPED when the rule's daily cap would be passed (nothing paid).
     */
    public LedgerEntry award(String causeId, String citizen, String ruleId) {
        PointRules.Rule rule = rules.rule(ruleId);
        LedgerEntry entry = open(new LedgerEntry(checkCause(causeId), citizen, LedgerEntry.AWARD, rule.id(), rule.points(), null,
                LedgerEntry.NEW, null, null, clock.instant(), false));
        return drive(entry);
    }

    /** Writes a new entry once; a repeat with the same meaning returns the stored one, another meaning is 409. */
    public LedgerEntry open(LedgerEntry fresh) {
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(fresh.newItem()).conditionExpression("attribute_not_exists(PK)")));
            return fresh;
        } catch (ConditionalCheckFailedException seen) {
            LedgerEntry stored = entry(fresh.citizen(), fresh.causeId());
            if (!stored.sameRequestAs(fresh)) {
                throw new ConflictException("cause " + fresh.causeId() + " is already recorded for another request");
            }
            return stored;
        }
    }

    public LedgerEntry entry(String citizen, String causeId) {
        return LedgerEntry.of(moves.read(ParticipationKeys.entry(citizen, causeId)));
    }

    public Account account(String citizen) {
        return Account.of(moves.read(ParticipationKeys.account(citizen)));
    }

    public Standing standing(String citizen) {
        Account account = account(citizen);
        return new Standing(account.balance(), account.available(), account.earned(), account.stars(), levels.title(account.stars()));
    }

    public EntryPage entries(String citizen, Integer limit, String cursor) {
        int size = Pages.size(limit);
        String after = Pages.decode(CURSOR, cursor, position -> position.indexOf('#') > 0);
        QueryResponse page = StoreCalls.call(() -> dynamo.query(b -> {
            b.tableName(table).indexName(TableSchema.BY_CITIZEN.name())
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", TableSchema.BY_CITIZEN.partitionKey()))
                    .expressionAttributeValues(Map.of(":pk", Attributes.s(ParticipationKeys.ledger(citizen)))).scanIndexForward(false).limit(size);
            if (after != null) {
                Map<String, AttributeValue> start = new HashMap<>(ParticipationKeys.entry(citizen, after.substring(after.indexOf('#') + 1)).value());
                start.put(TableSchema.BY_CITIZEN.partitionKey(), Attributes.s(ParticipationKeys.ledger(citizen)));
                start.put(TableSchema.BY_CITIZEN.sortKey(), Attributes.s(after));
                b.exclusiveStartKey(start);
            }
        }));
        String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? Pages.encode(CURSOR, page.lastEvaluatedKey().get(TableSchema.BY_CITIZEN.sortKey()).s())
                : null;
        return new EntryPage(page.items().stream().map(LedgerEntry::of).toList(), next);
    }

    /** Drives the awards left unsettled before {@code before} (a crash between steps) to their end; the number driven. */
    public int redrive(Instant before, int max) {
        return unsettled(LedgerEntry.AWARD, before, max).stream().mapToInt(entry -> {
            drive(entry);
            return 1;
        }).sum();
    }

    /** Entries of a kind not yet settled, oldest first, created before {@code before}. */
    public List<LedgerEntry> unsettled(String kind, Instant before, int max) {
        return StoreCalls.call(() -> dynamo.query(b -> b.tableName(table).indexName(TableSchema.BY_QUEUE.name())
                .keyConditionExpression("#pk = :pk AND #sk < :before")
                .expressionAttributeNames(Map.of("#pk", TableSchema.BY_QUEUE.partitionKey(), "#sk", TableSchema.BY_QUEUE.sortKey()))
                .expressionAttributeValues(Map.of(":pk", Attributes.s(LedgerEntry.unsettled(kind)), ":before", Attributes.s(Attributes.sortable(before))))
                .limit(max))).items().stream().map(LedgerEntry::of).toList();
    }

    /** The moves and account rules, for redemptions. */
    public GuardedMoves moves() {
        return moves;
    }

    public AccountChanges changes() {
        return changes;
    }

    /** Takes an entry that reached its end off the unsettled index; done last, so a crash before it means "settle again". */
    public void settled(LedgerEntry entry) {
        moves.set(entry.key(), entry.state(), entry.state(), Map.of(), LedgerEntry.UNSETTLED_KEYS);
    }

    private LedgerEntry drive(LedgerEntry entry) {
        if (entry.settled()) {
            return entry;
        }
        if (LedgerEntry.NEW.equals(entry.state())) {
            GuardedMoves.Outcome outcome = moves.move(ParticipationKeys.account(entry.citizen()), entry.key(), LedgerEntry.NEW, LedgerEntry.POSTED,
                    changes.award(rules.rule(entry.rule()), entry.createdAt()));
            if (outcome.refusal() != null) {
                moves.set(entry.key(), LedgerEntry.NEW, CAPPED, Map.of("note", Attributes.s(outcome.refusal())), List.of());
            }
            entry = entry(entry.citizen(), entry.causeId());
        }
        if (LedgerEntry.POSTED.equals(entry.state())) {
            settlePayment(entry);
        }
        settled(entry);
        return entry(entry.citizen(), entry.causeId());
    }

    private void settlePayment(LedgerEntry entry) {
        PointRules.Rule rule = rules.rule(entry.rule());
        trail.record(new ParticipationTrail.Event(entry.citizen(), "POINTS_PAID", entry.causeId(), entry.createdAt(), "system",
                Map.of("points", Long.toString(entry.points()), "rule", rule.title())));
        Account account = account(entry.citizen());
        if (account.stars() > 0 && account.starsAt() != null) {
            trail.record(new ParticipationTrail.Event(entry.citizen(), "LEVEL_UP", "stars-" + account.stars(), account.starsAt(), "system",
                    Map.of("stars", Integer.toString(account.stars()), "title", levels.title(account.stars()))));
        }
        board.record(entry.citizen(), Map.of(account.week(), account.weekPoints(), account.month(), account.monthPoints(),
                BoardPeriods.ALL_TIME, account.earned()));
    }

    private static String checkCause(String causeId) {
        if (causeId == null || !causeId.matches("[A-Za-z0-9:_.\\-]{1,200}")) {
            throw new ValidationException("causeId", "must be 1–200 letters, digits or : _ . -");
        }
        return causeId;
    }
}

package com.govfeedback.participation.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.govfeedback.participation.store.GuardedMoves;
import com.govfeedback.participation.store.ParticipationKeys;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One ledger entry ({@code PARTICIPANT#{sub}} / {@code ENTRY#{causeId}}): an award or a redemption, keyed by its cause so that
 * a second attempt finds the first instead of paying again.
 *
 * @param causeId  what caused it, chosen by the caller: {@code feedback:{id}:improvement:{id}}, {@code redeem:{request id}}…
 * @param kind     AWARD or REDEMPTION
 * @param rule     the point rule of an award; null for a redemption
 * @param points   the amount: paid for an award, spent for a redemption
 * @param rewardId the reward a redemption is for
 * @param state    where the entry is: an award NEW → POSTED or CAPPED; a redemption see {@code rewards.Redemptions}
 * @param voucher  what fulfilment issued for a redemption
 * @param note     why an award was capped or a redemption refused or voided
 * @param settled  reached its end and was notified, audited and put on the boards
 */
public record LedgerEntry(String causeId, String citizen, String kind, String rule, long points, String rewardId, String state, String voucher,
        String note, Instant createdAt, boolean settled) {
    public static final String AWARD = "AWARD";
    public static final String REDEMPTION = "REDEMPTION";
    public static final String NEW = "NEW";
    public static final String POSTED = "POSTED";

    public GuardedMoves.Key key() {
        return ParticipationKeys.entry(citizen, causeId);
    }

    /** Entries of one kind waiting to be driven to their end and settled (notified, audited, on the boards). */
    public static String unsettled(String kind) {
        return ParticipationKeys.UNSETTLED + "#" + kind;
    }

    public static final List<String> UNSETTLED_KEYS = List.of(TableSchema.BY_QUEUE.partitionKey(), TableSchema.BY_QUEUE.sortKey());

    Map<String, AttributeValue> newItem() {
        Map<String, AttributeValue> item = new HashMap<>(key().value());
        item.put(TableSchema.ENTITY, Attributes.s("LEDGER_ENTRY"));
        item.put("causeId", Attributes.s(causeId));
        item.put("citizen", Attributes.s(citizen));
        item.put("kind", Attributes.s(kind));
        Attributes.putIfPresent(item, "rule", rule);
        Attributes.putIfPresent(item, "rewardId", rewardId);
        item.put("points", Attributes.n(points));
        item.put("createdAt", Attributes.instant(createdAt));
        item.put(TableSchema.BY_CITIZEN.partitionKey(), Attributes.s(ParticipationKeys.ledger(citizen)));
        item.put(TableSchema.BY_CITIZEN.sortKey(), Attributes.s(ParticipationKeys.timed(createdAt, causeId)));
        item.put(TableSchema.BY_QUEUE.partitionKey(), Attributes.s(unsettled(kind)));
        item.put(TableSchema.BY_QUEUE.sortKey(), Attributes.s(ParticipationKeys.timed(createdAt, citizen + "/" + causeId)));
        GuardedMoves.initialise(item, NEW);
        return item;
    }

    public static LedgerEntry of(Map<String, AttributeValue> item) {
        return new LedgerEntry(Attributes.string(item, "causeId"), Attributes.string(item, "citizen"), Attributes.string(item, "kind"),
                Attributes.string(item, "rule"), Attributes.number(item, "points"), Attributes.string(item, "rewardId"),
                Attributes.string(item, GuardedMoves.STATE), Attributes.string(item, "voucher"), Attributes.string(item, "note"),
                Attributes.instant(item, "createdAt"), !item.containsKey(TableSchema.BY_QUEUE.partitionKey()));
    }

    /** Same cause, same meaning: a repeat of this request rather than another request reusing its cause id. */
    boolean sameRequestAs(LedgerEntry other) {
        return kind.equals(other.kind) && citizen.equals(other.citizen) && Objects.equals(rule, other.rule)
                && Objects.equals(rewardId, other.rewardId);
    }
}

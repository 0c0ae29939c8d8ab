package com.govfeedback.participation.ideas;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.participation.leaderboard.Profiles;
import com.govfeedback.participation.ledger.Ledger;
import com.govfeedback.participation.ledger.PointRules;
import com.govfeedback.participation.store.ParticipationKeys;
import com.govfeedback.participation.store.ParticipationTrail;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.NotFoundException;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * 金点子 zone: an adopted suggestion is recorded when its improvement is released, with the contributor's (masked) name
 * only where they consented to be named (署名权), and pays GOLDEN_IDEA_ADOPTED once. The year's list is the annual
 * recognition list an operator exports; a reward decision (500–5,000 元) is recorded once with who decided and why. The
 * system records decisions; it moves no money.
 */
public final class GoldenIdeas {
    public static final String RULE = "GOLDEN_IDEA_ADOPTED";
    public static final String ANONYMOUS = "匿名市民";
    public static final int MIN_YUAN = 500;
    public static final int MAX_YUAN = 5000;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Ledger ledger;
    private final Profiles profiles;
    private final ParticipationTrail trail;
    private final PointRules rules;
    private final Clock clock;

    public GoldenIdeas(DynamoDbClient dynamo, String table, Ledger ledger, Profiles profiles, ParticipationTrail trail, PointRules rules, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.ledger = ledger;
        this.profiles = profiles;
        this.trail = trail;
        this.rules = rules;
        this.clock = clock;
    }

    /** @param decision the reward decision, once made */
    public record Idea(String improvementId, int year, String title, String contributor, Instant releasedAt, Decision decision) {
    }

    public record Decision(int amountYuan, String reason, String decidedBy, Instant decidedAt) {
    }

    /** What the public 金点子 zone shows: no subject, no decider; the reward once decided. */
    public record PublicIdea(String improvementId, int year, String title, String contributor, Instant releasedAt, Integer rewardYuan) {
    }

    /** The year's adopted ideas as the public 金点子 zone shows them. */
    public List<PublicIdea> zone(int year) {
        return year(year).stream().map(idea -> new PublicIdea(idea.improvementId(), idea.year(), idea.title(), idea.contributor(), idea.releasedAt(),
                idea.decision() == null ? null : idea.decision().amountYuan())).toList();
    }

    /**
     * The improvement that adopted a citizen's suggestion was RELEASED: records the idea in its year's list (under the
     * contributor's masked name when their profile consents to it, else anonymously), tells them and pays them, each once
     * per improvement however often the release is reported.
     */
    public Idea adopted(String improvementId, String citizen, String title, Instant releasedAt) {
        if (improvementId == null || !improvementId.matches("[A-Za-z0-9_\\-]{1,64}")) {
            throw new ValidationException("improvementId", "must be 1–64 letters, digits, _ or -");
        }
        int year = rules.day(releasedAt).getYear();
        Map<String, AttributeValue> item = new HashMap<>(ParticipationKeys.idea(year, improvementId).value());
        item.put(TableSchema.ENTITY, Attributes.s("GOLDEN_IDEA"));
        item.put("improvementId", Attributes.s(improvementId));
        item.put("year", Attributes.n(year));
        String shownTitle = title == null ? "" : title.strip(); // the improvement's title, masked when staff sent it
        item.put("title", Attributes.s(shownTitle));
        item.put("citizen", Attributes.s(citizen));
        item.put("contributor", Attributes.s(profiles.get(citizen).creditName().orElse(ANONYMOUS)));
        item.put("releasedAt", Attributes.instant(releasedAt));
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)")));
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            // the first report stands
        }
        trail.record(new ParticipationTrail.Event(citizen, "IDEA_ADOPTED", "idea:" + improvementId, releasedAt, "system",
                Map.of("title", shownTitle)));
        ledger.award("idea:" + improvementId, citizen, RULE);
        return get(year, improvementId);
    }

    /** The year's adopted ideas (the annual recognition list). */
    public List<Idea> year(int year) {
        return StoreCalls.call(() -> dynamo.query(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", Attributes.s(ParticipationKeys.ideas(year)))))).items().stream().map(GoldenIdeas::idea).toList();
    }

    /** Records the reward decision once: 422 outside 500–5,000 元 or without a reason, 404 for no such idea, 409 when decided. */
    public Idea decide(String operator, int year, String improvementId, Integer amountYuan, String reason) {
        if (amountYuan == null || amountYuan < MIN_YUAN || amountYuan > MAX_YUAN) {
            throw new ValidationException("amountYuan", "must be between " + MIN_YUAN + " and " + MAX_YUAN);
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new ValidationException("reason", "is required, at most 500 characters");
        }
        String citizen = Attributes.string(item(year, improvementId), "citizen");
        Instant at = clock.instant();
        Map<String, AttributeValue> decision = Map.of("amountYuan", Attributes.n(amountYuan), "reason", Attributes.s(reason.strip()),
                "decidedBy", Attributes.s(operator), "decidedAt", Attributes.instant(at));
        try {
            StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(ParticipationKeys.idea(year, improvementId).value())
                    .updateExpression("SET decision = :d").conditionExpression("attribute_not_exists(decision)")
                    .expressionAttributeValues(Map.of(":d", AttributeValue.fromM(decision)))));
        } catch (ConditionalCheckFailedException decided) {
            Decision stored = get(year, improvementId).decision();
            if (!(stored.decidedBy().equals(operator) && stored.amountYuan() == amountYuan)) {
                throw new ConflictException("the reward for improvement " + improvementId + " was already decided");
            }
            // the same decision again: finish telling the citizen, in case the first attempt stopped before it
        }
        Idea recorded = get(year, improvementId);
        trail.record(new ParticipationTrail.Event(citizen, "REWARD_DECIDED", "idea:" + improvementId, recorded.decision().decidedAt(), operator,
                Map.of("amountYuan", Integer.toString(recorded.decision().amountYuan()), "reason", recorded.decision().reason())));
        return recorded;
    }

    public Idea get(int year, String improvementId) {
        return idea(item(year, improvementId));
    }

    private Map<String, AttributeValue> item(int year, String improvementId) {
        Map<String, AttributeValue> item = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(ParticipationKeys.idea(year, improvementId).value()).consistentRead(true))).item();
        if (item == null || item.isEmpty()) {
            throw new NotFoundException("no adopted idea for improvement " + improvementId + " in " + year);
        }
        return item;
    }

    private static Idea idea(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> d = Attributes.map(item, "decision");
        Decision decision = d.isEmpty() ? null : new Decision(Integer.parseInt(d.get("amountYuan").n()), d.get("reason").s(), d.get("decidedBy").s(),
                Instant.parse(d.get("decidedAt").s()));
        return new Idea(Attributes.string(item, "improvementId"), (int) Attributes.number(item, "year"), Attributes.string(item, "title"),
                Attributes.string(item, "contributor"), Attributes.instant(item, "releasedAt"), decision);
    }
}

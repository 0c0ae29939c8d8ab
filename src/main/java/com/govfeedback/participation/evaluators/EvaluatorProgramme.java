package com.govfeedback.participation.evaluators;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.participation.ParticipationData;
import com.govfeedback.participation.ParticipationRefusedException;
import com.govfeedback.participation.store.GuardedMoves;
import com.govfeedback.participation.store.GuardedMoves.Decision;
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
 * 体验官 programme: citizens apply (age band, district, device, with consent); an operator approves within the programme's
 * cap and per-group quotas ({@code participation/evaluators.json}). The approval is a guarded move of the application on
 * the programme's counter item, so two operators approving at once can never pass a quota. A citizen is an evaluator
 * exactly when their stored application is APPROVED: the core checks that item, no token claim is involved.
 */
public final class EvaluatorProgramme {
    public static final String APPLIED = "APPLIED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    private static final String FILE = "evaluators.json";

    private final DynamoDbClient dynamo;
    private final String table;
    private final GuardedMoves moves;
    private final ParticipationTrail trail;
    private final Quotas quotas;
    private final Clock clock;

    public EvaluatorProgramme(DynamoDbClient dynamo, String table, ParticipationTrail trail, Quotas quotas, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.moves = new GuardedMoves(dynamo, table);
        this.trail = trail;
        this.quotas = quotas;
        this.clock = clock;
    }

    /** The programme's cap and the most evaluators per age band and per district. */
    public record Quotas(int cap, Map<String, Integer> ageBands, Map<String, Integer> districts) {
        public static Quotas loadDefault() {
            JsonNode root = ParticipationData.read(FILE);
            return new Quotas(ParticipationData.positive(root, "cap", FILE), numbers(root.path("ageBands")), numbers(root.path("districts")));
        }

        private static Map<String, Integer> numbers(JsonNode node) {
            Map<String, Integer> values = new HashMap<>();
            node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asInt()));
            return values;
        }
    }

    public record Application(String citizen, String ageBand, String district, String device, String state, String decidedBy) {
    }

    /** Applies (or answers the application already made); 422 without consent or outside the programme's groups. */
    public Application apply(String citizen, String ageBand, String district, String device, boolean consent) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        if (!consent) {
            errors.add(new ValidationException.FieldError("consent", "must be true: the programme keeps age band, district and device"));
        }
        if (!quotas.ageBands().containsKey(ageBand)) {
            errors.add(new ValidationException.FieldError("ageBand", "must be one of " + quotas.ageBands().keySet()));
        }
        if (!quotas.districts().containsKey(district)) {
            errors.add(new ValidationException.FieldError("district", "must be a district of the programme: " + quotas.districts().keySet()));
        }
        if (device == null || device.isBlank() || device.length() > 100) {
            errors.add(new ValidationException.FieldError("device", "is required, at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<String, AttributeValue> item = new HashMap<>(ParticipationKeys.evaluator(citizen).value());
        item.put(TableSchema.ENTITY, Attributes.s("EVALUATOR_APPLICATION"));
        item.put("citizen", Attributes.s(citizen));
        item.put("ageBand", Attributes.s(ageBand));
        item.put("district", Attributes.s(district));
        item.put("device", Attributes.s(device.strip()));
        item.put("appliedAt", Attributes.instant(clock.instant()));
        item.put(TableSchema.BY_QUEUE.partitionKey(), Attributes.s(ParticipationKeys.APPLICATIONS));
        item.put(TableSchema.BY_QUEUE.sortKey(), Attributes.s(ParticipationKeys.timed(clock.instant(), citizen)));
        GuardedMoves.initialise(item, APPLIED);
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)")));
        } catch (ConditionalCheckFailedException alreadyApplied) {
            // one application per citizen: answer the stored one
        }
        return application(citizen);
    }

    public Application application(String citizen) {
        Map<String, AttributeValue> item = moves.read(ParticipationKeys.evaluator(citizen));
        if (item.isEmpty()) {
            throw new NotFoundException("no 体验官 application");
        }
        return new Application(citizen, Attributes.string(item, "ageBand"), Attributes.string(item, "district"), Attributes.string(item, "device"),
                Attributes.string(item, GuardedMoves.STATE), Attributes.string(item, "decidedBy"));
    }

    /** Applications waiting for a decision, oldest first. */
    public List<Application> pending(int limit) {
        return StoreCalls.call(() -> dynamo.query(b -> b.tableName(table).indexName(TableSchema.BY_QUEUE.name())
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", TableSchema.BY_QUEUE.partitionKey()))
                .expressionAttributeValues(Map.of(":pk", Attributes.s(ParticipationKeys.APPLICATIONS))).limit(limit))).items().stream()
                .map(item -> application(Attributes.string(item, "citizen"))).toList();
    }

    /** Approves within the cap and quotas (409 naming the full group); approving again answers the approval. */
    public Application approve(String operator, String citizen) {
        Application applied = application(citizen);
        GuardedMoves.Outcome outcome = moves.move(ParticipationKeys.programme(), ParticipationKeys.evaluator(citizen), APPLIED, APPROVED,
                programme -> admit(programme, applied));
        if (outcome.refusal() != null) {
            throw ParticipationRefusedException.quotaFull(outcome.refusal());
        }
        return decided(operator, citizen, APPROVED, "EVALUATOR_APPROVED", "");
    }

    public Application reject(String operator, String citizen, String reason) {
        application(citizen);
        moves.set(ParticipationKeys.evaluator(citizen), APPLIED, REJECTED, Map.of(), List.of());
        return decided(operator, citizen, REJECTED, "EVALUATOR_REJECTED", reason == null ? "" : reason);
    }

    /** 403 unless the citizen's application is approved. */
    public void requireEvaluator(String citizen) {
        Map<String, AttributeValue> item = moves.read(ParticipationKeys.evaluator(citizen));
        if (!APPROVED.equals(Attributes.string(item, GuardedMoves.STATE))) {
            throw ParticipationRefusedException.notAnEvaluator();
        }
    }

    private Application decided(String operator, String citizen, String state, String kind, String reason) {
        Application application = application(citizen);
        if (!state.equals(application.state())) {
            throw new ConflictException("the application was already " + application.state());
        }
        GuardedMoves.Key key = ParticipationKeys.evaluator(citizen);
        Map<String, AttributeValue> item = moves.read(key);
        Instant at = Attributes.instant(item, "decidedAt");
        if (at == null) {
            at = clock.instant();
            moves.set(key, state, state, Map.of("decidedBy", Attributes.s(operator), "decidedAt", Attributes.instant(at)),
                    List.of(TableSchema.BY_QUEUE.partitionKey(), TableSchema.BY_QUEUE.sortKey()));
        }
        trail.record(new ParticipationTrail.Event(citizen, kind, "evaluator", at, operator, Map.of("reason", reason)));
        return application(citizen);
    }

    private Decision admit(Map<String, AttributeValue> programme, Application applied) {
        long total = Attributes.number(programme, "approved");
        Map<String, AttributeValue> bands = new HashMap<>(Attributes.map(programme, "ageBands"));
        Map<String, AttributeValue> districts = new HashMap<>(Attributes.map(programme, "districts"));
        long band = bands.containsKey(applied.ageBand()) ? Long.parseLong(bands.get(applied.ageBand()).n()) : 0;
        long district = districts.containsKey(applied.district()) ? Long.parseLong(districts.get(applied.district()).n()) : 0;
        if (total >= quotas.cap()) {
            return Decision.refuse("the programme (" + quotas.cap() + ")");
        }
        if (band >= quotas.ageBands().getOrDefault(applied.ageBand(), 0)) {
            return Decision.refuse("age band " + applied.ageBand());
        }
        if (district >= quotas.districts().getOrDefault(applied.district(), 0)) {
            return Decision.refuse("district " + applied.district());
        }
        bands.put(applied.ageBand(), Attributes.n(band + 1));
        districts.put(applied.district(), Attributes.n(district + 1));
        return Decision.change(Map.of("approved", Attributes.n(total + 1), "ageBands", AttributeValue.fromM(bands), "districts",
                AttributeValue.fromM(districts), TableSchema.ENTITY, Attributes.s("EVALUATOR_PROGRAMME")));
    }
}

package com.govfeedback.participation.evaluators;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.participation.ParticipationRefusedException;
import com.govfeedback.participation.ledger.Ledger;
import com.govfeedback.participation.ledger.LedgerEntry;
import com.govfeedback.participation.store.GuardedMoves;
import com.govfeedback.participation.store.ParticipationKeys;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.NotFoundException;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Beta tasks for 体验官: an operator posts a task (version, steps, deadline, slots); an evaluator claims a slot (one
 * conditional write adds them to the task's claimant set while slots remain and the deadline has not passed) and submits
 * the result as feedback with channel BETA linked to the task; staff accept or reject it, and acceptance pays
 * BETA_TASK_ACCEPTED once per task and evaluator.
 */
public final class BetaTasks {
    public static final int MAX_SLOTS = 1000;
    public static final String RULE = "BETA_TASK_ACCEPTED";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    /** Files a beta result as feedback (channel BETA) for the citizen; the same request id files it once. Answers the feedback id. */
    @FunctionalInterface
    public interface BetaFeedback {
        String submit(String citizen, String clientRequestId, String text, String taskId);
    }

    public record Task(String id, String version, String steps, Instant deadline, int slots, int claimed) {
    }

    public record Result(String taskId, String citizen, String feedbackId, String state, LedgerEntry payment) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final GuardedMoves moves;
    private final EvaluatorProgramme programme;
    private final BetaFeedback feedback;
    private final Ledger ledger;
    private final Clock clock;

    public BetaTasks(DynamoDbClient dynamo, String table, EvaluatorProgramme programme, BetaFeedback feedback, Ledger ledger, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.moves = new GuardedMoves(dynamo, table);
        this.programme = programme;
        this.feedback = feedback;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Task post(String version, String steps, Instant deadline, Integer slots) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        if (version == null || !version.matches("[0-9A-Za-z.\\-]{1,30}")) {
            errors.add(new ValidationException.FieldError("version", "is required: the app version under test, e.g. 5.4.0-beta.1"));
        }
        if (steps == null || steps.isBlank() || steps.length() > 2000) {
            errors.add(new ValidationException.FieldError("steps", "is required, at most 2,000 characters"));
        }
        if (deadline == null || !deadline.isAfter(clock.instant())) {
            errors.add(new ValidationException.FieldError("deadline", "is required and must be in the future"));
        }
        if (slots == null || slots < 1 || slots > MAX_SLOTS) {
            errors.add(new ValidationException.FieldError("slots", "must be between 1 and " + MAX_SLOTS));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Task task = new Task(Ids.newId(clock.instant()), version, steps.strip(), deadline, slots, 0);
        Map<String, AttributeValue> item = new HashMap<>(ParticipationKeys.task(task.id()).value());
        item.put(TableSchema.ENTITY, Attributes.s("BETA_TASK"));
        item.put("taskId", Attributes.s(task.id()));
        item.put("version", Attributes.s(task.version()));
        item.put("steps", Attributes.s(task.steps()));
        item.put("deadline", Attributes.s(Attributes.sortable(deadline)));
        item.put("slots", Attributes.n(slots));
        item.put("claimed", Attributes.n(0));
        item.put(TableSchema.BY_QUEUE.partitionKey(), Attributes.s(ParticipationKeys.TASKS));
        item.put(TableSchema.BY_QUEUE.sortKey(), Attributes.s(ParticipationKeys.timed(deadline, task.id())));
        StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item)));
        return task;
    }

    /** Tasks whose deadline has not passed, nearest deadline first. */
    public List<Task> open(int limit) {
        return StoreCalls.call(() -> dynamo.query(b -> b.tableName(table).indexName(TableSchema.BY_QUEUE.name())
                .keyConditionExpression("#pk = :pk AND #sk > :now")
                .expressionAttributeNames(Map.of("#pk", TableSchema.BY_QUEUE.partitionKey(), "#sk", TableSchema.BY_QUEUE.sortKey()))
                .expressionAttributeValues(Map.of(":pk", Attributes.s(ParticipationKeys.TASKS), ":now", Attributes.s(Attributes.sortable(clock.instant()))))
                .limit(limit))).items().stream().map(BetaTasks::task).toList();
    }

    public Task task(String taskId) {
        Map<String, AttributeValue> item = Ids.isWellFormed(taskId) ? moves.read(ParticipationKeys.task(taskId)) : Map.of();
        if (item.isEmpty()) {
            throw new NotFoundException("no beta task " + taskId);
        }
        return task(item);
    }

    /** Claims a slot for an evaluator; claiming again answers the task. 403 not an evaluator, 409 task full or closed. */
    public Task claim(String citizen, String taskId) {
        programme.requireEvaluator(citizen);
        task(taskId);
        try {
            StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(ParticipationKeys.task(taskId).value())
                    .updateExpression("SET claimed = claimed + :one ADD claimants :me")
                    .conditionExpression("claimed < slots AND deadline > :now AND NOT contains(claimants, :citizen)")
                    .expressionAttributeValues(Map.of(":one", Attributes.n(1), ":me", AttributeValue.fromSs(List.of(citizen)), ":citizen",
                            Attributes.s(citizen), ":now", Attributes.s(Attributes.sortable(clock.instant()))))));
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> item = moves.read(ParticipationKeys.task(taskId));
            if (claimants(item).contains(citizen)) {
                return task(item);
            }
            Task task = task(item);
            if (!task.deadline().isAfter(clock.instant())) {
                throw ParticipationRefusedException.taskClosed(taskId);
            }
            throw ParticipationRefusedException.taskFull(taskId);
        }
        return task(taskId);
    }

    /** Files the evaluator's result as BETA feedback linked to the task; one result per evaluator and task. */
    public Result submit(String citizen, String taskId, String clientRequestId, String text) {
        programme.requireEvaluator(citizen);
        Map<String, AttributeValue> item = moves.read(ParticipationKeys.task(taskId));
        if (item.isEmpty()) {
            throw new NotFoundException("no beta task " + taskId);
        }
        if (!claimants(item).contains(citizen)) {
            throw new ConflictException("claim a slot of beta task " + taskId + " before submitting a result");
        }
        if (!task(item).deadline().isAfter(clock.instant())) {
            throw ParticipationRefusedException.taskClosed(taskId);
        }
        String feedbackId = feedback.submit(citizen, clientRequestId, text, taskId);
        Map<String, AttributeValue> result = new HashMap<>(ParticipationKeys.result(taskId, citizen).value());
        result.put(TableSchema.ENTITY, Attributes.s("BETA_RESULT"));
        result.put("taskId", Attributes.s(taskId));
        result.put("citizen", Attributes.s(citizen));
        result.put("feedbackId", Attributes.s(feedbackId));
        GuardedMoves.initialise(result, SUBMITTED);
        try {
            StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(result).conditionExpression("attribute_not_exists(PK)")));
        } catch (ConditionalCheckFailedException alreadySubmitted) {
            // the first result stands
        }
        return result(taskId, citizen);
    }

    /** Staff accept (paying once) or reject a result; repeating the same decision completes it, the other one is 409. */
    public Result review(String taskId, String citizen, boolean accept) {
        Result current = result(taskId, citizen);
        String decided = accept ? ACCEPTED : REJECTED;
        if (SUBMITTED.equals(current.state())) {
            moves.set(ParticipationKeys.result(taskId, citizen), SUBMITTED, decided, Map.of(), List.of());
            current = result(taskId, citizen);
        }
        if (!decided.equals(current.state())) {
            throw new ConflictException("the result was already " + current.state());
        }
        LedgerEntry payment = accept ? ledger.award("beta:" + taskId + ":" + citizen, citizen, RULE) : null;
        return new Result(taskId, citizen, current.feedbackId(), current.state(), payment);
    }

    public Result result(String taskId, String citizen) {
        Map<String, AttributeValue> item = Ids.isWellFormed(taskId) ? moves.read(ParticipationKeys.result(taskId, citizen)) : Map.of();
        if (item.isEmpty()) {
            throw new NotFoundException("no result of beta task " + taskId + " from this citizen");
        }
        return new Result(taskId, citizen, Attributes.string(item, "feedbackId"), Attributes.string(item, GuardedMoves.STATE), null);
    }

    private static List<String> claimants(Map<String, AttributeValue> item) {
        AttributeValue set = item.get("claimants");
        return set == null || !set.hasSs() ? List.of() : set.ss();
    }

    private static Task task(Map<String, AttributeValue> item) {
        return new Task(Attributes.string(item, "taskId"), Attributes.string(item, "version"), Attributes.string(item, "steps"),
                Instant.parse(Attributes.string(item, "deadline")), (int) Attributes.number(item, "slots"), (int) Attributes.number(item, "claimed"));
    }
}

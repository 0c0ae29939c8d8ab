package com.govfeedback.participation.store;

import java.time.Instant;

import com.govfeedback.participation.store.GuardedMoves.Key;
import com.govfeedback.storage.Attributes;

/**
 * Key values of every participation item (the key attributes themselves are in storage/TableSchema). A citizen's items
 * share one partition, {@code PARTICIPANT#{subject}}, apart from the ones the city reads across citizens.
 */
public final class ParticipationKeys {
    public static final String ACCOUNT = "ACCOUNT";
    public static final String PROFILE = "PROFILE";
    public static final String EVALUATOR = "EVALUATOR";
    public static final String ENTRY_PREFIX = "ENTRY#";
    public static final String NOTICE_PREFIX = "NOTICE#";
    /** {@code ByQueue} partition of ledger entries and redemptions not yet settled: the re-drive reads it. */
    public static final String UNSETTLED = "PARTICIPATION#UNSETTLED";
    /** {@code ByQueue} partition of evaluator applications waiting for a decision. */
    public static final String APPLICATIONS = "PARTICIPATION#APPLICATIONS";

    private ParticipationKeys() {
    }

    public static String participant(String subject) {
        return "PARTICIPANT#" + subject;
    }

    public static Key account(String subject) {
        return new Key(participant(subject), ACCOUNT);
    }

    public static Key profile(String subject) {
        return new Key(participant(subject), PROFILE);
    }

    public static Key evaluator(String subject) {
        return new Key(participant(subject), EVALUATOR);
    }

    public static Key entry(String subject, String causeId) {
        return new Key(participant(subject), ENTRY_PREFIX + causeId);
    }

    /** {@code ByCitizen} partition of a citizen's ledger: beside, never inside, their feedback's {@code CITIZEN#} partition. */
    public static String ledger(String subject) {
        return "LEDGER#" + subject;
    }

    /** A citizen's notice of one event ({@code kind:ref}), in their partition, ordered by time. */
    public static Key notice(String subject, Instant at, String eventId) {
        return new Key(participant(subject), NOTICE_PREFIX + timed(at, eventId));
    }

    public static String timed(Instant at, String id) {
        return Attributes.sortable(at) + "#" + id;
    }

    /** The reward catalogue: one partition, one item per reward (its stock is a guarded item). */
    public static final String CATALOGUE = "PARTICIPATION#CATALOGUE";
    public static final String REWARD_PREFIX = "REWARD#";

    public static Key reward(String rewardId) {
        return new Key(CATALOGUE, REWARD_PREFIX + rewardId);
    }

    public static Key programme() {
        return new Key("PARTICIPATION#PROGRAMME", "EVALUATORS");
    }

    public static Key task(String taskId) {
        return new Key("BETA#" + taskId, "TASK");
    }

    public static Key result(String taskId, String subject) {
        return new Key("BETA#" + taskId, "RESULT#" + subject);
    }

    /** {@code ByQueue} partition of beta tasks, by deadline. */
    public static final String TASKS = "PARTICIPATION#BETA_TASKS";

    public static Key board(String city, String period, int shard) {
        return new Key("BOARD#" + city + "#" + period, "SHARD#" + shard);
    }

    /** A year's adopted 金点子, one item per improvement. */
    public static Key idea(int year, String improvementId) {
        return new Key(ideas(year), "IDEA#" + improvementId);
    }

    public static String ideas(int year) {
        return "IDEAS#" + year;
    }

    public static String audit(String day) {
        return "PARTICIPATION#AUDIT#" + day;
    }
}

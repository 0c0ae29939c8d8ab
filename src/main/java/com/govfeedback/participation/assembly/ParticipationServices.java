package com.govfeedback.participation.assembly;

import java.time.Clock;

import com.govfeedback.participation.evaluators.EvaluatorProgramme;
import com.govfeedback.participation.events.ParticipationEvents;
import com.govfeedback.participation.ideas.GoldenIdeas;
import com.govfeedback.participation.leaderboard.Leaderboard;
import com.govfeedback.participation.leaderboard.Profiles;
import com.govfeedback.participation.ledger.Ledger;
import com.govfeedback.participation.ledger.PointRules;
import com.govfeedback.participation.levels.StarLevels;
import com.govfeedback.participation.rewards.Catalogue;
import com.govfeedback.participation.rewards.Fulfilment;
import com.govfeedback.participation.rewards.Redemptions;
import com.govfeedback.participation.store.ParticipationTrail;
import com.govfeedback.storage.ItemChanges;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The participation core over one table, built the same way wherever it runs: the api function, the stream consumer
 * (points for feedback taken into an improvement) and the sweep (re-drives).
 */
public record ParticipationServices(PointRules rules, ParticipationTrail trail, Profiles profiles, Leaderboard leaderboard, Ledger ledger,
        Catalogue catalogue, Redemptions redemptions, EvaluatorProgramme programme, GoldenIdeas ideas, ParticipationEvents events) {
    /** How many citizens a 贡献榜 shows. */
    public static final int BOARD_SIZE = 20;

    public static ParticipationServices over(DynamoDbClient dynamo, String table, Clock clock) {
        return over(dynamo, table, clock, ItemChanges.NONE);
    }

    /** @param noticeWrites told of each new notice item, where no table stream pushes it (the local runtime) */
    public static ParticipationServices over(DynamoDbClient dynamo, String table, Clock clock, ItemChanges noticeWrites) {
        PointRules rules = PointRules.loadDefault();
        ParticipationTrail trail = new ParticipationTrail(dynamo, table, noticeWrites);
        Profiles profiles = new Profiles(dynamo, table);
        Leaderboard leaderboard = new Leaderboard(dynamo, table, profiles, BOARD_SIZE);
        Ledger ledger = new Ledger(dynamo, table, rules, StarLevels.loadDefault(), leaderboard, trail, clock);
        Catalogue catalogue = new Catalogue(dynamo, table);
        Redemptions redemptions = new Redemptions(ledger, catalogue, Fulfilment.vouchers(), trail, clock);
        EvaluatorProgramme programme = new EvaluatorProgramme(dynamo, table, trail, EvaluatorProgramme.Quotas.loadDefault(), clock);
        GoldenIdeas ideas = new GoldenIdeas(dynamo, table, ledger, profiles, trail, rules, clock);
        return new ParticipationServices(rules, trail, profiles, leaderboard, ledger, catalogue, redemptions, programme, ideas,
                new ParticipationEvents(ledger, ideas, redemptions, trail));
    }
}

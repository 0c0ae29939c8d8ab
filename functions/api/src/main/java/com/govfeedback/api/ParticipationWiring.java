package com.govfeedback.api;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.Channel;
import com.govfeedback.feedback.FeedbackContext;
import com.govfeedback.feedback.intake.FeedbackService;
import com.govfeedback.feedback.intake.SubmitFeedback;
import com.govfeedback.participation.evaluators.BetaTasks;
import com.govfeedback.participation.evaluators.EvaluatorProgramme;
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

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The participation core (ledger, rewards, boards, 体验官 programme, 金点子), built once per function instance. */
@ApplicationScoped
public class ParticipationWiring {
    /** How many citizens a 贡献榜 shows. */
    static final int BOARD_SIZE = 20;

    @Produces
    @Singleton
    PointRules pointRules() {
        return PointRules.loadDefault();
    }

    @Produces
    @ApplicationScoped
    ParticipationTrail participationTrail(DynamoDbClient dynamo, ApiConfig config) {
        return new ParticipationTrail(dynamo, config.tableName());
    }

    @Produces
    @ApplicationScoped
    Leaderboard leaderboard(DynamoDbClient dynamo, ApiConfig config) {
        return new Leaderboard(dynamo, config.tableName(), new Profiles(dynamo, config.tableName()), BOARD_SIZE);
    }

    @Produces
    @ApplicationScoped
    Ledger ledger(DynamoDbClient dynamo, ApiConfig config, PointRules rules, Leaderboard board, ParticipationTrail trail, Clock clock) {
        return new Ledger(dynamo, config.tableName(), rules, StarLevels.loadDefault(), board, trail, clock);
    }

    @Produces
    @ApplicationScoped
    Catalogue catalogue(DynamoDbClient dynamo, ApiConfig config) {
        return new Catalogue(dynamo, config.tableName());
    }

    @Produces
    @ApplicationScoped
    Redemptions redemptions(Ledger ledger, Catalogue catalogue, ParticipationTrail trail, Clock clock) {
        return new Redemptions(ledger, catalogue, Fulfilment.vouchers(), trail, clock);
    }

    @Produces
    @ApplicationScoped
    EvaluatorProgramme evaluatorProgramme(DynamoDbClient dynamo, ApiConfig config, ParticipationTrail trail, Clock clock) {
        return new EvaluatorProgramme(dynamo, config.tableName(), trail, EvaluatorProgramme.Quotas.loadDefault(), clock);
    }

    /** Beta results are filed as ordinary feedback with channel BETA, through the same submission path as any other. */
    @Produces
    @ApplicationScoped
    BetaTasks betaTasks(DynamoDbClient dynamo, ApiConfig config, EvaluatorProgramme programme, FeedbackService feedback, Ledger ledger, Clock clock) {
        BetaTasks.BetaFeedback file = (citizen, requestId, text, taskId) -> feedback.submit(new Caller(citizen, Role.CITIZEN, null),
                new SubmitFeedback(requestId, text, Channel.BETA.name(), FeedbackContext.EMPTY)).id();
        return new BetaTasks(dynamo, config.tableName(), programme, file, ledger, clock);
    }

    @Produces
    @ApplicationScoped
    GoldenIdeas goldenIdeas(DynamoDbClient dynamo, ApiConfig config, Ledger ledger, ParticipationTrail trail, PointRules rules, Clock clock) {
        return new GoldenIdeas(dynamo, config.tableName(), ledger, new Profiles(dynamo, config.tableName()), trail, rules, clock);
    }
}

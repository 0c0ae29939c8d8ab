package com.govfeedback.api;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.govfeedback.auth.Caller;
import com.govfeedback.bridge.BugReports;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.Channel;
import com.govfeedback.feedback.FeedbackContext;
import com.govfeedback.feedback.access.CaseAccess;
import com.govfeedback.feedback.intake.FeedbackService;
import com.govfeedback.feedback.intake.SubmitFeedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.participation.assembly.ParticipationServices;
import com.govfeedback.participation.evaluators.BetaTasks;
import com.govfeedback.participation.evaluators.EvaluatorProgramme;
import com.govfeedback.participation.ideas.GoldenIdeas;
import com.govfeedback.participation.leaderboard.Leaderboard;
import com.govfeedback.participation.ledger.Ledger;
import com.govfeedback.participation.ledger.PointRules;
import com.govfeedback.participation.rewards.Catalogue;
import com.govfeedback.participation.rewards.Redemptions;
import com.govfeedback.participation.store.ParticipationTrail;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The participation core (ledger, rewards, boards, 体验官 programme, 金点子), built once per function instance. */
@ApplicationScoped
public class ParticipationWiring {
    @Produces
    @Singleton
    ParticipationServices participation(DynamoDbClient dynamo, ApiConfig config, Clock clock, LifecycleWiring lifecycle) {
        if (config.notifications().localSinkFile().isEmpty()) {
            return ParticipationServices.over(dynamo, config.tableName(), clock);
        }
        // no table stream here: the in-process one pushes each participation notice as it is written
        return lifecycle.localStream(dynamo, config, clock).participation();
    }

    @Produces
    @Singleton
    PointRules pointRules(ParticipationServices p) {
        return p.rules();
    }

    @Produces
    @Singleton
    Leaderboard leaderboard(ParticipationServices p) {
        return p.leaderboard();
    }

    @Produces
    @Singleton
    Ledger ledger(ParticipationServices p) {
        return p.ledger();
    }

    @Produces
    @Singleton
    Catalogue catalogue(ParticipationServices p) {
        return p.catalogue();
    }

    @Produces
    @Singleton
    Redemptions redemptions(ParticipationServices p) {
        return p.redemptions();
    }

    @Produces
    @Singleton
    EvaluatorProgramme evaluatorProgramme(ParticipationServices p) {
        return p.programme();
    }

    @Produces
    @Singleton
    ParticipationTrail participationTrail(ParticipationServices p) {
        return p.trail();
    }

    /** Beta results are filed as ordinary feedback with channel BETA, through the same submission path as any other. */
    @Produces
    @ApplicationScoped
    BetaTasks betaTasks(DynamoDbClient dynamo, ApiConfig config, ParticipationServices p, FeedbackService feedback, Clock clock) {
        BetaTasks.BetaFeedback file = (citizen, requestId, text, taskId) -> feedback.submit(new Caller(citizen, Role.CITIZEN, null),
                new SubmitFeedback(requestId, text, Channel.BETA.name(), FeedbackContext.EMPTY)).id();
        return new BetaTasks(dynamo, config.tableName(), p.programme(), file, p.ledger(), clock);
    }

    @Produces
    @Singleton
    GoldenIdeas goldenIdeas(ParticipationServices p) {
        return p.ideas();
    }

    @Produces
    @ApplicationScoped
    BugReports bugReports(FeedbackRepository repository, ParticipationServices p) {
        return new BugReports(new CaseAccess(repository), p.events(), p.rules());
    }
}

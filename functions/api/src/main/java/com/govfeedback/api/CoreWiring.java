package com.govfeedback.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.govfeedback.audit.AuditStore;
import com.govfeedback.auth.TokenRules;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.contact.ContactProtection;
import com.govfeedback.feedback.intake.FeedbackService;
import com.govfeedback.feedback.intake.SubmissionLimiter;
import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.sla.SlaPreview;
import com.govfeedback.sla.SlaRules;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.triage.Triage;
import com.govfeedback.triage.similar.SimilaritySignature;

import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the core's plain-Java services once per function instance from configuration. */
@ApplicationScoped
public class CoreWiring {

    void createTableWhenAsked(@Observes StartupEvent start, DynamoDbClient dynamo, ApiConfig config) {
        if (config.createTable()) {
            LocalTableBootstrap.createIfMissing(dynamo, config.tableName());
        }
    }

    /**
     * What a token must hold: the groups claim is SmallRye JWT's groups path (a plain or quoted claim name such as
     * {@code "cognito:groups"}), the departments those of the taxonomy.
     */
    @Produces
    @Singleton
    TokenRules tokenRules(ApiConfig config, Triage triage, @ConfigProperty(name = "smallrye.jwt.path.groups", defaultValue = "groups") String groupsPath) {
        ApiConfig.Auth auth = config.auth();
        return new TokenRules(groupsPath.replace("\"", ""), auth.departmentClaim(), triage.taxonomy().departmentCodes(),
                auth.staffMfa() ? auth.secondFactors() : Set.of());
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    Triage triage(ApiConfig config) {
        return Triage.load(config.triage().taxonomyFile().map(Path::of).orElse(null), config.triage().modelFile().map(Path::of).orElse(null),
                config.triage().reviewThreshold());
    }

    @Produces
    @Singleton
    SlaRules slaRules(ApiConfig config) {
        return SlaRules.load(config.sla().policyFile().map(Path::of), config.sla().calendarDir().map(Path::of));
    }

    @Produces
    @Singleton
    SlaPreview slaPreview(SlaRules sla) {
        return sla.preview();
    }

    @Produces
    @ApplicationScoped
    FeedbackClocks feedbackClocks(SlaRules sla) {
        return new FeedbackClocks(sla.clocks(), sla.timers());
    }

    @Produces
    @ApplicationScoped
    SimilarFeedback similarFeedback(DynamoDbClient dynamo, ApiConfig config, Triage triage) {
        return new SimilarFeedback(dynamo, config.tableName(), new SimilaritySignature(triage.normalizer()));
    }

    @Produces
    @ApplicationScoped
    FeedbackViews feedbackViews(FeedbackClocks clocks, SimilarFeedback similar, Clock clock) {
        return new FeedbackViews(clocks, similar, clock);
    }

    @Produces
    @ApplicationScoped
    FeedbackService feedbackService(FeedbackRepository repository, DynamoDbClient dynamo, ApiConfig config, Triage triage,
            FeedbackClocks clocks, SimilarFeedback similar, FeedbackViews views, ContactProtection contacts, AuditStore audit, Clock clock) {
        return new FeedbackService(repository, new SubmissionLimiter(dynamo, config.tableName(), config.submissionsPerHour()), triage,
                clocks, similar, views, contacts, audit, clock);
    }
}

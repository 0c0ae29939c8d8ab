package com.govfeedback.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Ready when the feedback table answers; {@code /q/health} reports it. */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {
    private final DynamoDbClient dynamo;
    private final ApiConfig config;

    public StoreReadiness(DynamoDbClient dynamo, ApiConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            String status = dynamo.describeTable(b -> b.tableName(config.tableName())).table().tableStatusAsString();
            return HealthCheckResponse.named("feedback-store").status("ACTIVE".equals(status)).withData("table", config.tableName())
                    .withData("tableStatus", status).build();
        } catch (RuntimeException unreachable) {
            return HealthCheckResponse.named("feedback-store").down().withData("table", config.tableName())
                    .withData("error", unreachable.getClass().getSimpleName()).build();
        }
    }
}

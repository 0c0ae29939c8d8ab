package com.govfeedback.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/** Entry point of the CDK app (cdk.json runs it): one stack, configured from context. */
public final class FeedbackApp {
    public static final String STACK_NAME = "GovFeedback";

    private FeedbackApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        new FeedbackStack(app, STACK_NAME, StackProps.builder()
                .description("Citizen feedback loop: HTTP API, SLA sweep, notifier, table, alarms")
                .build(), StackConfig.fromContext(app.getNode()));
        app.synth();
    }
}

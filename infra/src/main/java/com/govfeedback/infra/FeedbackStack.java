package com.govfeedback.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.govfeedback.feedback.sweep.SweepMetric;
import com.govfeedback.notify.NotificationDelivery;
import com.govfeedback.storage.TableSchema;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.IStableStringProducer;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.IFilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectLockRetention;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The whole service in one stack: the table (from {@link TableSchema}), its key, the notification and alarm topics,
 * the api, sweep and notifier functions with their triggers, least-privilege roles and alarms, the staff console
 * (a static site in front of the API) and the staff's identity provider. A function whose zip
 * is missing is left out with its wiring, and the stack says so in a warning and an output.
 */
public class FeedbackStack extends Stack {
    /** Notifications given up on (DEAD), counted from the notifier's and the sweep's logs by metric filters. */
    static final String NOTIFICATIONS_DEAD = "NotificationsDead";

    private final StackConfig config;
    private final Key dataKey;
    private final Key contactKey;
    private final Bucket auditAnchors;
    private final Table table;
    private final Topic notificationTopic;
    private final SnsAction alarmAction;
    private HttpApiFront httpApiFront;

    public FeedbackStack(Construct scope, String id, StackProps props, StackConfig config) {
        super(scope, id, props);
        this.config = config;
        CfnParameter jwtIssuer = CfnParameter.Builder.create(this, "JwtIssuer")
                .description("Issuer (iss) of the tokens the API accepts; empty (the default) for the stack's own staff"
                        + " user pool, else the city's OIDC provider")
                .allowedPattern("(https://.+)?")
                .defaultValue("")
                .build();
        CfnParameter jwtAudience = CfnParameter.Builder.create(this, "JwtAudience")
                .type("CommaDelimitedList")
                .description("Audiences (aud) the API accepts with an external JwtIssuer, comma-separated; with the staff"
                        + " user pool the console's app client is the audience")
                .defaultValue("")
                .build();
        dataKey = retainedKey("DataKey", "data", "Encrypts the feedback table, its stream and backups, and the SNS topics");
        contactKey = retainedKey("ContactKey", "contact", "Wraps the SM4 data keys of citizens' callback phones (docs/security.md)");
        auditAnchors = auditAnchorBucket();
        table = feedbackTable(dataKey);
        notificationTopic = Topic.Builder.create(this, "NotificationTopic")
                .displayName("Citizen feedback notifications")
                .masterKey(dataKey)
                .enforceSsl(true)
                .build();
        alarmAction = new SnsAction(alarmTopic());

        Optional<FunctionArtifact> apiArtifact = artifact(ServiceFunction.API);
        StaffSignIn staffSignIn = new StaffSignIn(this, "StaffSignIn", config.staffMfa());
        // the distribution forwards to the HTTP API, which is made later: its host name is read when the template is
        ConsoleSite console = new ConsoleSite(this, "Console", staffSignIn.hostedLoginOrigin(),
                apiArtifact.isPresent() && config.httpApi() ? Optional.of(Lazy.string(new IStableStringProducer() {
                    @Override
                    public String produce() {
                        return httpApiFront.domainName();
                    }
                })) : Optional.empty());
        String consoleClientId = staffSignIn.addConsoleClient(console.url());
        CfnCondition issuerIsStaffPool = CfnCondition.Builder.create(this, "IssuerIsStaffPool")
                .expression(Fn.conditionEquals(jwtIssuer.getValueAsString(), ""))
                .build();
        String issuer = Token.asString(Fn.conditionIf(issuerIsStaffPool.getLogicalId(), staffSignIn.issuer(),
                jwtIssuer.getValueAsString()));
        List<String> audiences = Token.asList(Fn.conditionIf(issuerIsStaffPool.getLogicalId(), List.of(consoleClientId),
                jwtAudience.getValueAsList()));
        String issuerCondition = issuerIsStaffPool.getLogicalId();
        FunctionEnvironment.TokenClaims claims = new FunctionEnvironment.TokenClaims(
                Token.asString(Fn.conditionIf(issuerCondition, FunctionEnvironment.TokenClaims.COGNITO.groupsPath(),
                        FunctionEnvironment.TokenClaims.PLAIN.groupsPath())),
                Token.asString(Fn.conditionIf(issuerCondition, FunctionEnvironment.TokenClaims.COGNITO.department(),
                        FunctionEnvironment.TokenClaims.PLAIN.department())));
        apiArtifact.ifPresent(artifact -> api(artifact, issuer, audiences, claims));
        console.publish(consoleSignIn(staffSignIn, consoleClientId, console.url()));
        CfnOutput.Builder.create(this, "ConsoleUrl").value(console.url()).description("The staff console").build();
        Optional<FunctionArtifact> sweepArtifact = artifact(ServiceFunction.SWEEP);
        sweepArtifact.ifPresent(this::sweep);
        Optional<FunctionArtifact> notifierArtifact = artifact(ServiceFunction.NOTIFIER);
        notifierArtifact.ifPresent(this::notifier);
        if (sweepArtifact.isPresent() || notifierArtifact.isPresent()) {
            notificationsDeadAlarm();
        }

        CfnOutput.Builder.create(this, "TableName").value(table.getTableName()).build();
        CfnOutput.Builder.create(this, "NotificationTopicArn").value(notificationTopic.getTopicArn()).build();
    }

    private Table feedbackTable(Key key) {
        Table feedback = Table.Builder.create(this, "FeedbackTable")
                .partitionKey(stringAttribute(TableSchema.PK))
                .sortKey(stringAttribute(TableSchema.SK))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .timeToLiveAttribute(TableSchema.TTL)
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .encryptionKey(key)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (TableSchema.Index index : TableSchema.INDEXES) {
            feedback.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(stringAttribute(index.partitionKey()))
                    .sortKey(stringAttribute(index.sortKey()))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
        return feedback;
    }

    /** A customer-managed key with yearly rotation, kept when the stack is deleted (what it encrypted must stay readable). */
    private Key retainedKey(String id, String alias, String description) {
        return Key.Builder.create(this, id)
                .description(description)
                .enableKeyRotation(true)
                .alias("alias/" + getStackName() + "/" + alias)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /**
     * The audit chains' daily anchors: Object Lock in compliance mode, so no one, the account's root included, can delete or
     * overwrite an anchor (any version of it) before its retention ends, nor shorten that retention.
     */
    private Bucket auditAnchorBucket() {
        Bucket bucket = Bucket.Builder.create(this, "AuditAnchors")
                .objectLockEnabled(true)
                .objectLockDefaultRetention(ObjectLockRetention.compliance(Duration.days(config.auditAnchorRetentionDays())))
                .versioned(true)
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        CfnOutput.Builder.create(this, "AuditAnchorBucketName").value(bucket.getBucketName())
                .description("Where the audit chains' daily anchors are kept (Object Lock, compliance mode)").build();
        return bucket;
    }

    private static Attribute stringAttribute(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    /** Operators' alarms; encrypted with the same key, which CloudWatch may use only to publish to it. */
    private Topic alarmTopic() {
        Topic alarms = Topic.Builder.create(this, "AlarmTopic")
                .displayName("Citizen feedback service alarms")
                .masterKey(dataKey)
                .enforceSsl(true)
                .build();
        dataKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", getAccount())))
                .build());
        config.alarmEmail().ifPresent(email -> alarms.addSubscription(new EmailSubscription(email)));
        CfnOutput.Builder.create(this, "AlarmTopicArn").value(alarms.getTopicArn()).build();
        return alarms;
    }

    private Optional<FunctionArtifact> artifact(ServiceFunction function) {
        Optional<FunctionArtifact> artifact = FunctionArtifact.find(config.zips().get(function));
        if (artifact.isEmpty()) {
            reportMissing(function);
        }
        return artifact;
    }

    private void reportMissing(ServiceFunction function) {
        String message = function.module() + " function not deployed: " + config.zips().get(function)
                + " does not exist (build it with make package or make package-native); its triggers, permissions"
                + " and alarms are left out too";
        Annotations.of(this).addWarningV2("@govfeedback/infra:missing-" + function.module(), message);
        CfnOutput.Builder.create(this, function.constructId() + "FunctionMissing").value(message).build();
    }

    private Function function(ServiceFunction which, FunctionArtifact artifact, FunctionEnvironment environment) {
        FunctionRuntime runtime = config.runtime();
        if (artifact.builtFor() != runtime) {
            Annotations.of(this).addError(which.module() + ": " + artifact.zip() + " is a " + artifact.builtFor()
                    + " build but the stack is set for " + runtime + "; rebuild it, or synth with -c runtime="
                    + artifact.builtFor().name().toLowerCase());
        }
        FunctionSettings settings = which.settings(runtime);
        LogGroup logs = LogGroup.Builder.create(this, which.constructId() + "Logs")
                .retention(settings.logRetention())
                .build();
        Role role = Role.Builder.create(this, which.constructId() + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs the " + which.module() + " function; its policy lists every action it may take")
                .build();
        Map<String, String> variables = new TreeMap<>(environment.variables());
        if (runtime == FunctionRuntime.NATIVE) {
            variables.put("DISABLE_SIGNAL_HANDLERS", "true"); // Quarkus's advice for native executables on Lambda
        }
        return Function.Builder.create(this, which.constructId() + "Function")
                .description("Quarkus " + which.module() + " function (" + runtime.name().toLowerCase() + ")")
                .code(Code.fromAsset(artifact.zip().toString()))
                .runtime(runtime.lambdaRuntime())
                .handler(runtime.handler())
                .architecture(config.architecture())
                .memorySize(settings.memoryMb())
                .timeout(settings.timeout())
                .reservedConcurrentExecutions(config.reserveConcurrency() ? settings.reservedConcurrency() : null)
                .logGroup(logs)
                .role(role)
                .environment(variables)
                .build();
    }

    /**
     * The console's config.json: the hosted login's OIDC endpoints and the public client; the console runs the
     * authorization-code flow with PKCE against them and sends the ID token (aud = the client) to the API.
     */
    private static Map<String, Object> consoleSignIn(StaffSignIn staffSignIn, String clientId, String consoleUrl) {
        String login = staffSignIn.hostedLoginOrigin();
        return Map.of(
                "issuer", staffSignIn.issuer(),
                "authorizationEndpoint", login + "/oauth2/authorize",
                "tokenEndpoint", login + "/oauth2/token",
                "logoutEndpoint", login + "/logout",
                "clientId", clientId,
                "redirectUri", consoleUrl,
                "scope", "openid profile email");
    }

    private void api(FunctionArtifact artifact, String issuer, List<String> audiences, FunctionEnvironment.TokenClaims claims) {
        Function api = function(ServiceFunction.API, artifact,
                new FunctionEnvironment.Api(table.getTableName(), issuer, Fn.join(",", audiences),
                        // the OIDC key set next to the issuer, as Cognito and most providers publish it
                        Fn.join("", List.of(issuer, "/.well-known/jwks.json")), claims, contactKey.getKeyArn(), config.staffMfa()));
        Permissions.grantApi(api.getRole(), table, dataKey, contactKey, api.getLogGroup());
        functionAlarms(ServiceFunction.API, api);
        if (!config.httpApi()) {
            String message = "HTTP API left out (context httpApi=false): invoke the api function directly with an"
                    + " API Gateway v2 event";
            Annotations.of(this).addInfo(message);
            CfnOutput.Builder.create(this, "HttpApiOmitted").value(message).build();
            return;
        }
        httpApiFront = new HttpApiFront(this, "Http", api, issuer, audiences, config.throttle());
        CfnOutput.Builder.create(this, "ApiUrl").value(httpApiFront.url()).description("Base URL of the HTTP API").build();
    }

    private void sweep(FunctionArtifact artifact) {
        Function sweep = function(ServiceFunction.SWEEP, artifact,
                new FunctionEnvironment.Sweep(table.getTableName(), auditAnchors.getBucketName()));
        Permissions.grantSweep(sweep.getRole(), table, dataKey, auditAnchors, sweep.getLogGroup());
        // a late or repeated sweep is pointless: the next one starts within a minute
        sweep.configureAsyncInvoke(EventInvokeConfigOptions.builder()
                .retryAttempts(0).maxEventAge(Duration.minutes(1)).build());
        Rule.Builder.create(this, "SweepSchedule")
                .description("Runs the SLA sweep every minute")
                .schedule(Schedule.rate(Duration.minutes(1)))
                .targets(List.of(LambdaFunction.Builder.create(sweep)
                        .retryAttempts(0).maxEventAge(Duration.minutes(1)).build()))
                .build();
        functionAlarms(ServiceFunction.SWEEP, sweep);
        Metric overdue = Metric.Builder.create()
                .namespace(SweepMetric.NAMESPACE)
                .metricName(SweepMetric.OVERDUE_UNHANDLED)
                .statistic("Maximum")
                .period(Duration.minutes(1))
                .build();
        alarm("OverdueUnhandledAlarm", "Overdue feedback has gone unhandled for 5 minutes, or no sweep has reported",
                overdue, 5, TreatMissingData.BREACHING);
        // the sweep marks a re-driven notification DEAD after its last attempt and counts it in its metric line's "dead"
        countNotificationsDead("SweepNotificationsDead", sweep.getLogGroup(),
                FilterPattern.numberValue("$.dead", ">=", 1), "$.dead");
    }

    private void notifier(FunctionArtifact artifact) {
        Function notifier = function(ServiceFunction.NOTIFIER, artifact,
                new FunctionEnvironment.Notifier(table.getTableName(), notificationTopic.getTopicArn()));
        Permissions.grantNotifier(notifier.getRole(), table, notificationTopic, dataKey, notifier.getLogGroup());
        // holds only batch metadata (shard, sequence numbers), never item data: SQS-managed encryption is enough
        Queue deadLetters = Queue.Builder.create(this, "NotifierDeadLetters")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        notifier.addEventSource(DynamoEventSource.Builder.create(table)
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(25)
                .parallelizationFactor(1)
                .reportBatchItemFailures(true)
                .bisectBatchOnError(true)
                .retryAttempts(5) // bounded: then the batch's records go to the dead-letter queue
                .maxRecordAge(Duration.hours(1))
                .onFailure(new SqsDlq(deadLetters))
                .build());
        functionAlarms(ServiceFunction.NOTIFIER, notifier);
        alarm("NotifierDeadLettersAlarm", "Stream records the notifier gave up on are waiting in the dead-letter queue",
                deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .statistic("Maximum").period(Duration.minutes(1)).build()),
                1, TreatMissingData.NOT_BREACHING);
        // one ERROR line with the marker per notification the notifier gave up on (any log format: a plain term match)
        countNotificationsDead("NotifierNotificationsDead", notifier.getLogGroup(),
                FilterPattern.allTerms(NotificationDelivery.DEAD_MARKER), "1");
    }

    private void countNotificationsDead(String id, ILogGroup logs, IFilterPattern pattern, String value) {
        MetricFilter.Builder.create(this, id)
                .logGroup(logs)
                .filterPattern(pattern)
                .metricNamespace(SweepMetric.NAMESPACE)
                .metricName(NOTIFICATIONS_DEAD)
                .metricValue(value)
                .build();
    }

    private void notificationsDeadAlarm() {
        Metric dead = Metric.Builder.create()
                .namespace(SweepMetric.NAMESPACE)
                .metricName(NOTIFICATIONS_DEAD)
                .statistic("Sum")
                .period(Duration.minutes(5))
                .build();
        alarm("NotificationsDeadAlarm", "A notification was given up on after its last attempt (" + NotificationDelivery.DEAD_MARKER
                + " in the notifier's log, or dead in the sweep's metric line)", dead, 1, TreatMissingData.NOT_BREACHING);
    }

    private void functionAlarms(ServiceFunction which, Function function) {
        MetricOptions sumPerFiveMinutes = MetricOptions.builder().statistic("Sum").period(Duration.minutes(5)).build();
        alarm(which.constructId() + "ErrorsAlarm", "The " + which.module() + " function failed",
                function.metricErrors(sumPerFiveMinutes), 1, TreatMissingData.NOT_BREACHING);
        alarm(which.constructId() + "ThrottlesAlarm", "The " + which.module() + " function was throttled",
                function.metricThrottles(sumPerFiveMinutes), 1, TreatMissingData.NOT_BREACHING);
    }

    private void alarm(String id, String description, IMetric metric,
            int evaluationPeriods, TreatMissingData missingData) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(evaluationPeriods)
                .datapointsToAlarm(evaluationPeriods)
                .treatMissingData(missingData)
                .build();
        alarm.addAlarmAction(alarmAction);
    }
}

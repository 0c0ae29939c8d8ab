package com.govfeedback.audit;

import java.nio.file.Path;
import java.time.Clock;

import com.govfeedback.storage.LocalStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code make audit-verify}: checks every audit chain of the local store against itself and the anchors in
 * {@code AUDIT_ANCHOR_DIR} (.local/audit/anchors), prints one line per problem and a summary, and exits with 1 when it
 * found any. Store and table from {@code DYNAMODB_ENDPOINT} and {@code FEEDBACK_TABLE_NAME}.
 */
public final class AuditVerify {
    private AuditVerify() {
    }

    public static void main(String[] args) {
        Path anchors = Path.of(LocalStore.env("AUDIT_ANCHOR_DIR", ".local/audit/anchors"));
        AuditVerifier.Report report;
        try (DynamoDbClient dynamo = LocalStore.client()) {
            report = new AuditVerifier(new AuditStore(dynamo, LocalStore.table(), Clock.systemUTC()))
                    .verify(new LocalAnchorFiles(anchors).all(), AuditKeys.dayOf(Clock.systemUTC().instant()));
        }
        report.problems().forEach(System.out::println);
        System.out.printf("audit chains: %d, entries: %d, anchors: %d, problems: %d%n", report.chains(), report.entries(), report.anchors(),
                report.problems().size());
        if (!report.clean()) {
            System.exit(1);
        }
    }
}

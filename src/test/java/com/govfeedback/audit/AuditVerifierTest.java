package com.govfeedback.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.audit.AuditVerifier.Kind;
import com.govfeedback.audit.AuditVerifier.Problem;
import com.govfeedback.shared.Ids;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.storage.TableSchema;
import com.govfeedback.testing.Dynalite;
import com.govfeedback.testing.MutableClock;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Daily anchors and verification in a real DynamoDB API server, with the entries tampered with the way someone with
 * write access to the table could: every edit, removal and reordering is reported, and nothing when nobody tampered.
 * Each test has its own table, so that no other test's anchors mix in.
 */
class AuditVerifierTest {
    private static final Caller STAFF = new Caller("wang", Role.STAFF, "HRSS_BUREAU");
    /** 10:00 in the city on 1 May. */
    private static final Instant MAY_1 = Instant.parse("2031-05-01T02:00:00Z");

    private final DynamoDbClient dynamo = Dynalite.shared().client();
    private final String table = "audit-" + UUID.randomUUID();
    private final MutableClock clock = new MutableClock(MAY_1);
    private final AuditStore store = new AuditStore(dynamo, table, clock);
    private DailyAnchors anchors;
    private LocalAnchorFiles files;

    @TempDir
    Path anchorDir;

    @BeforeEach
    void freshTableAndAnchorFolder() {
        LocalTableBootstrap.createIfMissing(dynamo, table);
        files = new LocalAnchorFiles(anchorDir);
        anchors = new DailyAnchors(store, files);
    }

    private String chainOf(int entries) {
        String caseId = Ids.newId(clock.instant());
        for (int i = 1; i <= entries; i++) {
            store.append(caseId, AuditEvent.change(i + 1, "TRANSITION", clock.instant(), STAFF, Map.of("to", "STEP_" + i)));
        }
        return caseId;
    }

    @Test
    void everyCompletedDayIsAnchoredOnceInAnUnbrokenChainOfDays() throws IOException {
        String a = chainOf(3);
        assertThat(anchors.anchorCompletedDays(Instant.parse("2031-05-01T15:59:00Z"))).as("the first anchor is for the day before")
                .containsExactly(LocalDate.of(2031, 4, 30));
        assertThat(anchors.anchorCompletedDays(Instant.parse("2031-05-01T16:03:00Z"))).as("1 May is over at 00:05 of 2 May").isEmpty();
        assertThat(anchors.anchorCompletedDays(Instant.parse("2031-05-01T16:06:00Z"))).containsExactly(LocalDate.of(2031, 5, 1));
        clock.advance(Duration.ofDays(1));
        store.append(a, AuditEvent.oneOff("READ", clock.instant(), STAFF, Map.of()));
        List<LocalDate> later = anchors.anchorCompletedDays(Instant.parse("2031-05-04T01:00:00Z"));

        assertThat(later).containsExactly(LocalDate.of(2031, 5, 2), LocalDate.of(2031, 5, 3));
        assertThat(anchors.anchorCompletedDays(Instant.parse("2031-05-04T02:00:00Z"))).isEmpty();
        List<Anchor> written = files.all();
        assertThat(written).extracting(Anchor::day).containsExactly(LocalDate.of(2031, 4, 30), LocalDate.of(2031, 5, 1),
                LocalDate.of(2031, 5, 2), LocalDate.of(2031, 5, 3));
        assertThat(written.get(0).heads()).isEmpty();
        assertThat(written.get(1).heads()).containsExactly(new Anchor.Head(a, 3, store.chain(a).get(2).entry().hash()));
        assertThat(written.get(2).heads()).extracting(Anchor.Head::seq).containsExactly(4L);
        assertThat(written.get(3).heads()).isEmpty();
        assertThat(written.get(2).previous()).isEqualTo(written.get(1).hash());
        assertThat(Files.getPosixFilePermissions(anchorDir.resolve("2031-05-01.json"))).doesNotContain(PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
        assertThat(new AuditVerifier(store).verify(written, LocalDate.of(2031, 5, 4)).problems()).isEmpty();
    }

    @Test
    void editsRemovalsAndReorderingsAreReported() {
        String edited = chainOf(4);
        String removed = chainOf(3);
        String swapped = chainOf(3);
        String rewrittenHead = chainOf(2);
        String removedHead = chainOf(2);
        anchors.anchorCompletedDays(Instant.parse("2031-05-02T01:00:00Z"));
        clock.advance(Duration.ofDays(1));
        store.append(edited, AuditEvent.oneOff("READ", clock.instant(), STAFF, Map.of()));
        LocalDate today = LocalDate.of(2031, 5, 2);
        AuditVerifier verifier = new AuditVerifier(store);
        assertThat(verifier.verify(files.all(), today).problems()).as("nobody tampered yet").isEmpty();

        // someone with write access to the table: a note changed, an entry removed, two entries swapped (which also cuts
        // the third one's link)
        dynamo.updateItem(b -> b.tableName(table).key(key(edited, 2)).updateExpression("SET details.#to = :x")
                .expressionAttributeNames(Map.of("#to", "to")).expressionAttributeValues(Map.of(":x", AttributeValue.fromS("CLOSED"))));
        dynamo.deleteItem(b -> b.tableName(table).key(key(removed, 2)));
        Map<String, AttributeValue> first = item(swapped, 1);
        Map<String, AttributeValue> second = item(swapped, 2);
        dynamo.putItem(b -> b.tableName(table).item(withKey(second, swapped, 1)));
        dynamo.putItem(b -> b.tableName(table).item(withKey(first, swapped, 2)));
        // … and one who knows the hash: the anchored head rewritten with a fresh hash, another anchored head removed
        AuditEntry head = AuditStore.fromItem(item(rewrittenHead, 2));
        AuditEvent forged = new AuditEvent(head.event().eventId(), head.event().action(), head.event().at(), head.event().actor(),
                head.event().role(), head.event().department(), new TreeMap<>(Map.of("to", "REJECTED")));
        AuditEntry rehashed = new AuditEntry(head.caseId(), head.seq(), forged, head.recordedAt(), head.previousHash(), null);
        dynamo.putItem(b -> b.tableName(table).item(AuditStore.toItem(new AuditEntry(head.caseId(), head.seq(), forged,
                head.recordedAt(), head.previousHash(), rehashed.expectedHash()))));
        dynamo.deleteItem(b -> b.tableName(table).key(key(removedHead, 2)));

        AuditVerifier.Report report = verifier.verify(files.all(), today);

        assertThat(report.problems()).extracting(Problem::kind, Problem::caseId, Problem::seq).containsExactlyInAnyOrder(
                tuple(Kind.EDITED, edited, 2L),
                tuple(Kind.DELETED, removed, 2L),
                tuple(Kind.REORDERED, swapped, 1L),
                tuple(Kind.REORDERED, swapped, 2L),
                tuple(Kind.REORDERED, swapped, 3L),
                tuple(Kind.ANCHOR_MISMATCH, rewrittenHead, 2L),
                tuple(Kind.DELETED, removedHead, 2L));
        assertThat(report.chains()).isEqualTo(5);
    }

    @Test
    void anAnchorChangedByHandOrMissingIsReported() throws IOException {
        chainOf(2);
        anchors.anchorCompletedDays(Instant.parse("2031-05-02T01:00:00Z"));
        anchors.anchorCompletedDays(Instant.parse("2031-05-04T01:00:00Z"));
        Path may1 = anchorDir.resolve("2031-05-01.json");
        may1.toFile().setWritable(true);
        Files.writeString(may1, Files.readString(may1).replace("\"seq\" : 2", "\"seq\" : 1"));
        Files.delete(anchorDir.resolve("2031-05-02.json"));

        assertThat(new AuditVerifier(store).verify(files.all(), LocalDate.of(2031, 5, 4)).problems()).extracting(Problem::kind)
                .containsExactly(Kind.ANCHOR_ALTERED, Kind.ANCHOR_GAP, Kind.ANCHOR_MISMATCH);
    }

    private static Map<String, AttributeValue> key(String caseId, long seq) {
        return Map.of(TableSchema.PK, AttributeValue.fromS(AuditKeys.chain(caseId)), TableSchema.SK, AttributeValue.fromS(AuditKeys.entry(seq)));
    }

    private Map<String, AttributeValue> item(String caseId, long seq) {
        return dynamo.getItem(b -> b.tableName(table).key(key(caseId, seq))).item();
    }

    private static Map<String, AttributeValue> withKey(Map<String, AttributeValue> item, String caseId, long seq) {
        Map<String, AttributeValue> moved = new HashMap<>(item);
        moved.putAll(key(caseId, seq));
        return moved;
    }
}

package com.govfeedback.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.StoreUnavailableException;
import com.govfeedback.testing.Dynalite;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Appending to a case's chain in a real DynamoDB API server: links, concurrency, repeats. */
class AuditStoreTest {
    private static final Caller STAFF = new Caller("wang", Role.STAFF, "HRSS_BUREAU");
    private final DynamoDbClient dynamo = Dynalite.shared().client();
    private final AuditStore store = new AuditStore(dynamo, Dynalite.tableName(), Clock.systemUTC());

    @Test
    void entriesLinkEachToTheOneBefore() {
        String caseId = Ids.newId(Instant.now());
        AuditEntry first = store.append(caseId, AuditEvent.oneOff("READ", Instant.now(), STAFF, Map.of()));
        AuditEntry second = store.append(caseId, AuditEvent.change(2, "ACKNOWLEDGE", Instant.now(), STAFF, Map.of("to", "ACCEPTED")));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditEntry.GENESIS);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        List<AuditStore.Stored> chain = store.chain(caseId);
        assertThat(chain).extracting(s -> s.entry()).containsExactly(first, second);
        assertThat(chain).allSatisfy(s -> assertThat(s.entry().expectedHash()).isEqualTo(s.entry().hash()));
    }

    @Test
    void aChangeDeliveredTwiceIsChainedOnceAndEveryReadIsChained() {
        String caseId = Ids.newId(Instant.now());
        AuditEvent change = AuditEvent.change(3, "TRANSITION", Instant.now(), STAFF, Map.of("to", "IN_PROGRESS"));
        store.append(caseId, change);
        store.append(caseId, AuditEvent.oneOff("READ", Instant.now(), STAFF, Map.of()));
        AuditEntry again = store.append(caseId, change);
        store.append(caseId, AuditEvent.oneOff("READ", Instant.now(), STAFF, Map.of()));

        assertThat(again.seq()).isEqualTo(1);
        assertThat(store.chain(caseId)).extracting(s -> s.entry().event().action()).containsExactly("TRANSITION", "READ", "READ");
    }

    /** Four writers at once on one chain: every append that succeeded has its own place, none forks; a loser may be told to retry. */
    @Test
    void concurrentAppendsNeverFork() throws Exception {
        String caseId = Ids.newId(Instant.now());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<AuditEntry>> appends = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            appends.add(pool.submit(() -> store.append(caseId, AuditEvent.oneOff("READ", Instant.now(), STAFF, Map.of()))));
        }
        int succeeded = 0;
        for (Future<AuditEntry> append : appends) {
            try {
                append.get();
                succeeded++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(StoreUnavailableException.class);
            }
        }
        pool.shutdown();

        List<AuditStore.Stored> chain = store.chain(caseId);
        assertThat(succeeded).isPositive();
        assertThat(chain).hasSize(succeeded);
        assertThat(chain).extracting(AuditStore.Stored::keySeq).isSorted().startsWith(1L).endsWith((long) succeeded);
        List<AuditVerifier.Problem> problems = new ArrayList<>();
        AuditVerifier.checkChain(caseId, chain, problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void pagesFollowTheChain() {
        String caseId = Ids.newId(Instant.now());
        for (int i = 0; i < 5; i++) {
            store.append(caseId, AuditEvent.oneOff("READ", Instant.now(), STAFF, Map.of()));
        }
        AuditStore.Page first = store.page(caseId, 0, 3);
        AuditStore.Page rest = store.page(caseId, first.lastSeq(), 3);

        assertThat(first.entries()).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(rest.entries()).extracting(AuditEntry::seq).containsExactly(4L, 5L);
        assertThat(rest.lastSeq()).isNull();
    }
}

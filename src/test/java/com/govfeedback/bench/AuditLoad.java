package com.govfeedback.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import com.govfeedback.audit.AuditEvent;
import com.govfeedback.audit.AuditStore;
import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.crypto.EnvelopeCipher;
import com.govfeedback.crypto.LocalKeyFiles;
import com.govfeedback.crypto.Sealed;
import com.govfeedback.feedback.store.FeedbackKeys;
import com.govfeedback.shared.Ids;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Benchmark for {@code make bench}: what the personal-data protections add. The sealing of a callback phone on the
 * submission path (SM4-GCM with a cached data key) and its opening by another process (one unwrap, then cached), in
 * microseconds; and against an in-memory dynalite, a staff read's audit append (one query and one conditional put) next
 * to the consistent GetItem of the case it accompanies, in milliseconds (p50, p99).
 */
public final class AuditLoad {
    private static final int SEALS = 100_000;
    private static final int READS = 2_000;

    private AuditLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path keys = Files.createTempDirectory("bench-contact-keys");
        EnvelopeCipher writer = new EnvelopeCipher(new LocalKeyFiles(keys), Duration.ofHours(1), Clock.systemUTC());
        byte[] phone = "13812345678".getBytes(StandardCharsets.UTF_8);
        byte[] aad = "FEEDBACK#01J|contactPhone".getBytes(StandardCharsets.UTF_8);
        Sealed[] sealed = new Sealed[SEALS];
        for (int i = 0; i < SEALS; i++) {
            sealed[i] = writer.seal(phone, aad); // warm-up, and values to open
        }
        long start = System.nanoTime();
        for (int i = 0; i < SEALS; i++) {
            sealed[i] = writer.seal(phone, aad);
        }
        double sealMicros = (System.nanoTime() - start) / 1e3 / SEALS;
        EnvelopeCipher reader = new EnvelopeCipher(new LocalKeyFiles(keys), Duration.ofHours(1), Clock.systemUTC());
        start = System.nanoTime();
        for (Sealed value : sealed) {
            reader.open(value, aad);
        }
        double openMicros = (System.nanoTime() - start) / 1e3 / SEALS;
        System.out.printf("callback phone: seal %.1f µs, open %.1f µs (SM4-GCM, %d values, one data key)%n", sealMicros, openMicros, SEALS);

        Dynalite store = Dynalite.start();
        try (DynamoDbClient dynamo = store.client()) {
            String table = "audit-bench";
            LocalTableBootstrap.createIfMissing(dynamo, table);
            AuditStore audit = new AuditStore(dynamo, table, Clock.systemUTC());
            Caller staff = new Caller("wang", Role.STAFF, "HRSS_BUREAU");
            String caseId = Ids.newId(Instant.now());
            long[] gets = new long[READS];
            long[] appends = new long[READS];
            for (int i = 0; i < READS; i++) {
                long t0 = System.nanoTime();
                dynamo.getItem(b -> b.tableName(table).key(FeedbackKeys.key(caseId)).consistentRead(true));
                long t1 = System.nanoTime();
                audit.append(caseId, AuditEvent.oneOff("READ", Instant.now(), staff, Map.of()));
                appends[i] = System.nanoTime() - t1;
                gets[i] = t1 - t0;
            }
            System.out.printf("staff read of a case (dynalite, %d reads, one growing chain): GetItem p50 %.2f ms p99 %.2f ms; "
                    + "audit append p50 %.2f ms p99 %.2f ms%n", READS, p(gets, 50), p(gets, 99), p(appends, 50), p(appends, 99));
        } finally {
            store.stop();
        }
    }

    private static double p(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }
}

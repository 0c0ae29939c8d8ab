package com.govfeedback.feedback.sweep;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Channel;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.FeedbackContext;
import com.govfeedback.feedback.Similarity;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.intake.TrackingNumbers;
import com.govfeedback.feedback.store.FeedbackKeys;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.local.SweepOnce;
import com.govfeedback.notify.Notification;
import com.govfeedback.shared.Ids;
import com.govfeedback.sla.Colour;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;
import com.govfeedback.triage.TriageResult;
import com.govfeedback.triage.similar.SimilaritySignature;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Open feedback stored with a chosen submission time, in a table of its own per test, and the sweep over that table. */
public final class SweepFixtures {
    public static final FeedbackClocks CLOCKS = SweepOnce.shippedClocks();
    public static final String DEPARTMENT = "BIG_DATA_BUREAU";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger TABLES = new AtomicInteger();

    final DynamoDbClient dynamo;
    final String table;
    final FeedbackRepository repository;

    private SweepFixtures(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.repository = new FeedbackRepository(dynamo, table);
    }

    /** A fresh, empty table on the shared test store, so sweeps see only this test's items. */
    public static SweepFixtures freshTable() {
        DynamoDbClient dynamo = Dynalite.shared().client();
        String table = Dynalite.tableName() + "-sweep-" + TABLES.incrementAndGet();
        LocalTableBootstrap.createIfMissing(dynamo, table);
        return new SweepFixtures(dynamo, table);
    }

    DueSweep sweep(SweepSettings settings) {
        return new DueSweep(repository, CLOCKS, settings);
    }

    DueSweep sweep() {
        return sweep(SweepSettings.DEFAULT);
    }

    /** Two sweeps as of {@code now}, started together on two threads over this table; their reports. */
    List<SweepReport> racingSweeps(Instant now) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<SweepReport>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return sweep().run(now, () -> true, false);
                }));
            }
            start.countDown();
            return List.of(runs.get(0).get(), runs.get(1).get());
        } finally {
            threads.shutdownNow();
        }
    }

    /** A Shanghai wall-clock time such as {@code 2026-03-02T10:00}. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** An untouched feedback of the colour, submitted at {@code submittedAt}, with its clocks started; not stored. */
    public static Feedback open(String colour, String type, Instant submittedAt, String id) {
        TriageResult triage = new TriageResult("页面一直加载失败", type, Colour.valueOf(colour), "PLATFORM", List.of(), DEPARTMENT, List.of(), List.of(),
                "negative", -0.5, 0.9, 0.9, List.of(), false);
        return CLOCKS.started(new Feedback(id, TrackingNumbers.of(id, submittedAt, CLOCKS.zone()), "citizen-1", Status.SUBMITTED, submittedAt,
                triage.maskedText(), Channel.APP, FeedbackContext.EMPTY, triage, null, null, null,
                new Similarity(id, new long[SimilaritySignature.SIGNATURE_LENGTH]), List.of(), 1, CaseFile.EMPTY, null));
    }

    /** A stored ORANGE malfunction submitted at {@code submittedAt}. */
    Feedback submitted(Instant submittedAt) {
        return submitted(submittedAt, Ids.newId(submittedAt));
    }

    Feedback submitted(Instant submittedAt, String id) {
        Feedback feedback = open("ORANGE", "MALFUNCTION", submittedAt, id);
        repository.insert(feedback);
        return feedback;
    }

    /** An id whose due-index shard is {@code shard}. */
    public static String idInShard(int shard, Instant at) {
        while (true) {
            String id = Ids.newId(at);
            if (FeedbackKeys.dueShard(id) == shard) {
                return id;
            }
        }
    }

    Feedback stored(String id) {
        return repository.find(id).orElseThrow();
    }

    /** What the notifier does when delivery succeeds: every pending entry delivered, in one conditional write. */
    void deliverAll(String id, Instant at) {
        Feedback read = stored(id);
        List<Notification> delivered = read.outbox().stream()
                .map(n -> n.state() != Notification.State.PENDING ? n
                        : new Notification(n.id(), n.event(), n.feedbackId(), n.recipient(), n.params(), n.createdAt(), n.attempts() + 1,
                                at, Notification.State.DELIVERED))
                .toList();
        repository.replace(CLOCKS.reindexed(read.withOutbox(delivered), at).nextVersion());
    }

    /** The event keys in an item's outbox, in order ({@code {feedbackId}:{key}:{recipient}} → key:recipient). */
    static List<String> outboxKeys(Feedback feedback) {
        return feedback.outbox().stream().map(n -> n.id().substring(feedback.id().length() + 1)).toList();
    }
}

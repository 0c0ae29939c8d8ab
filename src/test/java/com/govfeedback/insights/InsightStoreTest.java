package com.govfeedback.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.store.FeedbackItems;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.sweep.SweepFixtures;
import com.govfeedback.insights.InsightCell.Kind;
import com.govfeedback.insights.InsightStore.InsightItem;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;
import com.govfeedback.testing.StoreCallCounter;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The aggregate store against dynalite: each change counted exactly once however often it is delivered. */
class InsightStoreTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private final DynamoDbClient dynamo = Dynalite.shared().client();
    private String table;
    private InsightStore store;

    @BeforeEach
    void freshTable() {
        table = Dynalite.tableName() + "-insights-" + TABLES.incrementAndGet();
        LocalTableBootstrap.createIfMissing(dynamo, table);
        store = new InsightStore(dynamo, table);
    }

    private static FeedbackFacts facts(String id, long version, String department, String status) {
        return new FeedbackFacts(id, version, DAY, department, "ORANGE", status, null, null, null, 0, null, null, false, id);
    }

    private Map<String, Long> counters(String department) {
        return store.read(Kind.COUNTS, DAY, DAY).stream().filter(i -> i.cell().subject().equals(department)).findFirst()
                .map(InsightItem::counters).orElse(Map.of());
    }

    @Test
    void aRepeatedDeliveryChangesNothing() {
        InsightDelta created = InsightDelta.between(null, facts("F1", 1, "HRSS_BUREAU", "SUBMITTED"));
        assertThat(store.apply(created)).isEqualTo(1);
        assertThat(store.apply(created)).isZero();
        InsightDelta accepted = InsightDelta.between(facts("F1", 1, "HRSS_BUREAU", "SUBMITTED"), facts("F1", 2, "HRSS_BUREAU", "ACCEPTED"));
        assertThat(store.apply(accepted)).isEqualTo(1);
        assertThat(store.apply(accepted)).isZero();
        assertThat(store.apply(created)).as("an older change delivered late").isZero();
        assertThat(counters("HRSS_BUREAU")).containsExactly(Map.entry("n.ORANGE.ACCEPTED", 1L), Map.entry("n.ORANGE.SUBMITTED", 0L));
    }

    @Test
    void aTransferInterruptedBetweenItsTwoItemsIsCompletedByItsRepeat() {
        store.apply(InsightDelta.between(null, facts("F1", 1, "HRSS_BUREAU", "ACCEPTED")));
        InsightDelta transfer = InsightDelta.between(facts("F1", 1, "HRSS_BUREAU", "ACCEPTED"), facts("F1", 2, "HOUSING_FUND_CENTER", "ACCEPTED"));
        InsightCell from = new InsightCell(Kind.COUNTS, DAY, "HRSS_BUREAU");
        // only the first item was written before the failure
        store.apply(new InsightDelta("F1", 2, Map.of(from, transfer.changes().get(from)), Map.of(from, true)));
        assertThat(store.apply(transfer)).isEqualTo(1);
        assertThat(counters("HRSS_BUREAU")).containsEntry("n.ORANGE.ACCEPTED", 0L);
        assertThat(counters("HOUSING_FUND_CENTER")).containsEntry("n.ORANGE.ACCEPTED", 1L);
    }

    @Test
    void manyFeedbackAddUpAndADashboardReadsOneItemPerDayAndDepartment() {
        for (int i = 0; i < 30; i++) {
            String department = i % 3 == 0 ? "HOUSING_FUND_CENTER" : "HRSS_BUREAU";
            store.apply(InsightDelta.between(null, facts("F" + i, 1, department, "SUBMITTED")));
        }
        List<InsightItem> items = store.read(Kind.COUNTS, DAY.minusDays(1), DAY.plusDays(1));
        assertThat(items).hasSize(2);
        assertThat(counters("HRSS_BUREAU")).containsExactly(Map.entry("n.ORANGE.SUBMITTED", 20L));
        assertThat(counters("HOUSING_FUND_CENTER")).containsExactly(Map.entry("n.ORANGE.SUBMITTED", 10L));
    }

    @Test
    void aRebuildCountsTheCurrentImagesRemovesWhatNothingFeedsAndIgnoresDeliveriesItCounted() {
        FeedbackRepository repository = new FeedbackRepository(dynamo, table);
        Feedback first = SweepFixtures.open("ORANGE", "MALFUNCTION", SweepFixtures.at("2026-12-02T10:00:00"), "01KB0000000000000000000001");
        Feedback second = SweepFixtures.open("RED", "OUTAGE", SweepFixtures.at("2026-12-02T11:00:00"), "01KB0000000000000000000002");
        repository.insert(first);
        repository.insert(second);
        Feedback accepted = first.withStatus(Status.ACCEPTED).nextVersion();
        repository.replace(accepted);
        // an aggregate left over from rules no longer in force
        store.apply(InsightDelta.between(null, facts("OLD", 1, "HRSS_BUREAU", "SUBMITTED")));

        InsightRebuild.Report report = new InsightRebuild(dynamo, table).run();

        assertThat(report.feedbackRead()).isEqualTo(2);
        assertThat(report.itemsDeleted()).as("the old cell's tally and figures").isEqualTo(2);
        assertThat(counters(SweepFixtures.DEPARTMENT)).containsOnly(Map.entry("n.ORANGE.ACCEPTED", 1L), Map.entry("n.RED.SUBMITTED", 1L));
        assertThat(counters("HRSS_BUREAU")).isEmpty();
        // the change the rebuild already counted arrives afterwards: it is ignored
        assertThat(store.apply(InsightDelta.between(FeedbackFacts.of(first), FeedbackFacts.of(accepted)))).isZero();
        assertThat(counters(SweepFixtures.DEPARTMENT)).containsOnly(Map.entry("n.ORANGE.ACCEPTED", 1L), Map.entry("n.RED.SUBMITTED", 1L));
    }

    @Test
    void everyWriteOfAFeedbackKeepsTheAggregatesCurrentAndARepeatedChangeCountsOnce() {
        InsightRecorder recorder = new InsightRecorder(store);
        FeedbackRepository repository = new FeedbackRepository(dynamo, table, recorder);
        Feedback first = SweepFixtures.open("ORANGE", "MALFUNCTION", SweepFixtures.at("2026-12-02T10:00:00"), "01KB0000000000000000000003");
        repository.insert(first);
        assertThat(counters(SweepFixtures.DEPARTMENT)).containsOnly(Map.entry("n.ORANGE.SUBMITTED", 1L));

        Feedback accepted = first.withStatus(Status.ACCEPTED).nextVersion();
        repository.replace(accepted);
        assertThat(counters(SweepFixtures.DEPARTMENT)).containsOnly(Map.entry("n.ORANGE.SUBMITTED", 0L), Map.entry("n.ORANGE.ACCEPTED", 1L));

        // the stream delivers the same change again: nothing moves
        recorder.changed(FeedbackItems.toItem(first), FeedbackItems.toItem(accepted));
        assertThat(counters(SweepFixtures.DEPARTMENT)).containsOnly(Map.entry("n.ORANGE.SUBMITTED", 0L), Map.entry("n.ORANGE.ACCEPTED", 1L));
    }

    @Test
    void readersReadSmallFiguresWhileTheExactlyOnceMarksStayInTheTally() {
        InsightCell cell = new InsightCell(Kind.COUNTS, DAY, "HRSS_BUREAU");
        for (int i = 0; i < 5; i++) {
            store.apply(InsightDelta.between(null, facts("F" + i, 1, "HRSS_BUREAU", "SUBMITTED")));
        }
        Map<String, AttributeValue> tally = dynamo.getItem(b -> b.tableName(table).key(InsightStore.tallyKey(cell))).item();
        Map<String, AttributeValue> figures = dynamo.getItem(b -> b.tableName(table).key(InsightStore.key(cell))).item();

        assertThat(tally.keySet().stream().filter(name -> name.startsWith(InsightStore.SEEN_PREFIX))).hasSize(5);
        assertThat(figures.keySet()).noneMatch(name -> name.startsWith(InsightStore.SEEN_PREFIX));
        assertThat(figures.get("n.ORANGE.SUBMITTED").n()).isEqualTo("5");
        assertThat(figures.get(InsightStore.REVISION)).isEqualTo(tally.get(InsightStore.REVISION)).isEqualTo(AttributeValue.fromN("5"));
    }

    @Test
    void aCopyLostBetweenTheTwoWritesIsMadeByTheRepeatedDeliveryAndAnOlderOneNeverOverwritesANewer() {
        InsightCell cell = new InsightCell(Kind.COUNTS, DAY, "HRSS_BUREAU");
        InsightDelta created = InsightDelta.between(null, facts("F1", 1, "HRSS_BUREAU", "SUBMITTED"));
        store.apply(created);
        // the process died after the tally's update: the figures never got the change
        dynamo.deleteItem(b -> b.tableName(table).key(InsightStore.key(cell)));
        assertThat(counters("HRSS_BUREAU")).isEmpty();

        assertThat(store.apply(created)).as("counted once").isZero();
        assertThat(counters("HRSS_BUREAU")).containsExactly(Map.entry("n.ORANGE.SUBMITTED", 1L));

        store.apply(InsightDelta.between(facts("F1", 1, "HRSS_BUREAU", "SUBMITTED"), facts("F1", 2, "HRSS_BUREAU", "ACCEPTED")));
        store.apply(created);
        assertThat(counters("HRSS_BUREAU")).containsOnly(Map.entry("n.ORANGE.SUBMITTED", 0L), Map.entry("n.ORANGE.ACCEPTED", 1L));
    }

    @Test
    void aDashboardRangeIsOneQueryPerDayForEveryKindItAsksFor() {
        StoreCallCounter counter = new StoreCallCounter();
        InsightStore counted = new InsightStore(counter.client(Dynalite.shared().endpoint()), table);
        FeedbackFacts joined = new FeedbackFacts("F2", 1, DAY, "HRSS_BUREAU", "ORANGE", "SUBMITTED", null, null, null, 0, "/card", "SOCIAL_SECURITY",
                false, "F1");
        counted.apply(InsightDelta.between(null, joined));
        counter.reset();

        List<InsightItem> items = counted.read(EnumSet.of(Kind.CLUSTERS, Kind.COUNTS, Kind.DOMAIN, Kind.RATINGS), DAY.minusDays(9), DAY);

        assertThat(counter.calls()).containsExactly(Map.entry("Query", 10L));
        assertThat(items).extracting(i -> i.cell().kind()).containsExactlyInAnyOrder(Kind.CLUSTERS, Kind.COUNTS, Kind.DOMAIN);
        assertThat(items).filteredOn(i -> i.cell().kind() == Kind.CLUSTERS).singleElement()
                .satisfies(i -> assertThat(i.counters()).containsExactly(Map.entry("c.F1", 1L)));
    }
}

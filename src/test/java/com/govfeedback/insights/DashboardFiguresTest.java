package com.govfeedback.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.Similarity;
import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.sweep.SweepFixtures;
import com.govfeedback.insights.InsightCell.Kind;
import com.govfeedback.insights.InsightStore.InsightItem;
import com.govfeedback.shared.Ids;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;
import com.govfeedback.triage.similar.SimilaritySignature;
import com.govfeedback.triage.text.TextNormalizer;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The dashboard's figures for a range: the items of every kind it shows, the spikes' trailing days, the top clusters named. */
class DashboardFiguresTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 10);

    @Test
    void clustersAreSummedPerDepartmentAndTheTopOnesAreTheCitysAndEachDepartmentsMostReportedMostFirstThenById() {
        List<DashboardFigures.Totals> items = DashboardFigures.bySubject(List.of(
                new InsightItem(new InsightCell(Kind.CLUSTERS, DAY, "A"), Map.of("c.K1", 5L, "c.K2", 1L, "c.K3", 1L)),
                new InsightItem(new InsightCell(Kind.CLUSTERS, DAY.plusDays(1), "A"), Map.of("c.K2", 3L, "c.K4", 0L)),
                new InsightItem(new InsightCell(Kind.CLUSTERS, DAY, "B"), Map.of("c.K5", 1L))));
        assertThat(items).extracting(DashboardFigures.Totals::subject).containsExactly("A", "B");
        assertThat(items.get(0).counters()).containsOnly(Map.entry("c.K1", 5L), Map.entry("c.K2", 4L), Map.entry("c.K3", 1L), Map.entry("c.K4", 0L));

        assertThat(DashboardFigures.topClusters(items, 2)).as("city: K1 5, K2 4; A: the same; B: K5")
                .containsExactlyInAnyOrder("K1", "K2", "K5");
        assertThat(DashboardFigures.topClusters(items, 3)).as("a tie is broken by id; a cluster with no report left is none")
                .containsExactlyInAnyOrder("K1", "K2", "K3", "K5");
        assertThat(DashboardFigures.only(items, Set.of("K1", "K5"))).as("the answer carries the named clusters only")
                .containsExactly(new DashboardFigures.Totals("A", Map.of("c.K1", 5L)), new DashboardFigures.Totals("B", Map.of("c.K5", 1L)));
    }

    @Test
    void aRangeReadsItsItemsTheTrailingWeeksDomainsAndNamesTheClustersByTheirFirstFeedback() {
        DynamoDbClient dynamo = Dynalite.shared().client();
        String table = Dynalite.tableName() + "-dashboard-" + UUID.randomUUID();
        LocalTableBootstrap.createIfMissing(dynamo, table);
        FeedbackRepository repository = new FeedbackRepository(dynamo, table, new InsightRecorder(new InsightStore(dynamo, table)));
        Feedback earlier = SweepFixtures.open("BLUE", "MALFUNCTION", SweepFixtures.at("2026-12-05T09:00:00"), Ids.newId(SweepFixtures.at("2026-12-05T09:00:00")));
        repository.insert(earlier);
        Feedback first = SweepFixtures.open("ORANGE", "MALFUNCTION", SweepFixtures.at("2026-12-10T09:00:00"), Ids.newId(SweepFixtures.at("2026-12-10T09:00:00")));
        repository.insert(first);
        for (int i = 0; i < 2; i++) {
            Feedback other = SweepFixtures.open("ORANGE", "MALFUNCTION", SweepFixtures.at("2026-12-10T10:00:00"), Ids.newId(SweepFixtures.at("2026-12-10T10:00:00")));
            repository.insert(joining(other, first.id()));
        }

        DashboardFigures.Figures figures = new DashboardFigures(new InsightStore(dynamo, table), repository,
                new SimilarFeedback(dynamo, table, new SimilaritySignature(TextNormalizer.loadDefault()))).read(DAY, DAY);

        assertThat(figures.counts()).singleElement().satisfies(i -> assertThat(i.counters()).containsExactly(Map.entry("n.ORANGE.SUBMITTED", 3L)));
        assertThat(figures.clusters()).singleElement().satisfies(i -> assertThat(i.counters()).containsExactly(Map.entry("c." + first.id(), 2L)));
        assertThat(figures.domains()).as("the range's day and, for the trailing mean, the week before it")
                .extracting(i -> i.cell().day(), i -> i.counters().get(InsightDelta.FEEDBACK))
                .containsExactly(Tuple.tuple(LocalDate.of(2026, 12, 5), 1L), Tuple.tuple(DAY, 3L));
        assertThat(figures.clusterLabels()).singleElement().satisfies(label -> {
            assertThat(label.clusterId()).isEqualTo(first.id());
            assertThat(label.trackingNo()).isEqualTo(first.trackingNo());
            assertThat(label.excerpt()).isEqualTo(first.text());
            assertThat(label.department()).isEqualTo(SweepFixtures.DEPARTMENT);
            assertThat(label.members()).as("no member set was recorded in this test").isEqualTo(1);
        });
    }

    private static Feedback joining(Feedback f, String clusterId) {
        return new Feedback(f.id(), f.trackingNo(), f.citizen(), f.status(), f.receivedAt(), f.text(), f.channel(), f.context(), f.triage(), f.sla(),
                f.nextTimerAt(), f.nearestDueAt(), new Similarity(clusterId, new long[SimilaritySignature.SIGNATURE_LENGTH]), f.outbox(), f.version(),
                f.caseFile(), f.contactPhone());
    }
}

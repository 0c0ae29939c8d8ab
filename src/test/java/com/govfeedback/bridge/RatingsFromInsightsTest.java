package com.govfeedback.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.govfeedback.improvement.ports.RatingSource;
import com.govfeedback.insights.FeedbackFacts;
import com.govfeedback.insights.InsightDelta;
import com.govfeedback.insights.InsightStore;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The satisfaction counts come from the daily screen and domain aggregates, kept exactly once per change, on the local store. */
class RatingsFromInsightsTest {
    private static final LocalDate DAY = LocalDate.parse("2026-05-20");
    private static final String SCREEN = "/social-security/card";

    private static FeedbackFacts image(String id, long version, LocalDate received, LocalDate rated, int score, String screen, boolean negative) {
        return new FeedbackFacts(id, version, received, "HRSS_BUREAU", "ORANGE", rated == null ? "SUBMITTED" : "RESOLVED", null, null, rated, score,
                screen, "SOCIAL_SECURITY", negative, id);
    }

    @Test
    void aWindowAddsUpTheDaysOfItsScreensOrElseItsDomainsAndARepeatedChangeCountsOnce() {
        DynamoDbClient dynamo = Dynalite.shared().client();
        String table = Dynalite.tableName() + "-ratings-" + UUID.randomUUID();
        LocalTableBootstrap.createIfMissing(dynamo, table);
        InsightStore insights = new InsightStore(dynamo, table);
        FeedbackFacts sent = image("F1", 1, DAY, null, 0, SCREEN, true);
        insights.apply(InsightDelta.between(null, sent));
        FeedbackFacts rated = image("F1", 2, DAY, DAY.plusDays(2), 2, SCREEN, true);
        insights.apply(InsightDelta.between(sent, rated));
        insights.apply(InsightDelta.between(sent, rated));
        insights.apply(InsightDelta.between(null, image("F2", 1, DAY.plusDays(1), null, 0, SCREEN, false)));
        insights.apply(InsightDelta.between(null, image("F3", 1, DAY.plusDays(1), null, 0, "/housing-fund", false)));
        insights.apply(InsightDelta.between(null, image("F4", 1, DAY.plusDays(9), null, 0, SCREEN, true)));

        RatingSource ratings = new RatingsFromInsights(insights);
        RatingSource.Tally window = ratings.tally(Set.of(SCREEN), Set.of("SOCIAL_SECURITY"), DAY, DAY.plusDays(5));
        assertThat(window).isEqualTo(new RatingSource.Tally(2, 1, Map.of(2, 1L)));
        assertThat(window.rated()).isEqualTo(1);
        assertThat(ratings.tally(Set.of(), Set.of("SOCIAL_SECURITY"), DAY, DAY.plusDays(5))).isEqualTo(new RatingSource.Tally(3, 1, Map.of(2, 1L)));
        assertThat(ratings.tally(Set.of(SCREEN), Set.of(), DAY.plusDays(3), DAY.plusDays(9))).isEqualTo(RatingSource.Tally.NONE);
    }
}

package com.govfeedback.improvement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.govfeedback.improvement.ports.FeedbackActions;
import com.govfeedback.improvement.ports.FeedbackFacts;
import com.govfeedback.improvement.ports.RatingSource;
import com.govfeedback.improvement.service.ImprovementService;
import com.govfeedback.improvement.service.NoticeFanOut;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.shared.Ids;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The feedback side as the improvement loop sees it, in memory: facts per feedback, cluster members, and a record of
 * every action taken on a case. Stands in for the ports the feedback store implements.
 */
final class FakeFeedbackSide implements FeedbackFacts, FeedbackActions {
    static final String LEAD = "HRSS_BUREAU";
    static final String OTHER = "HOUSING_FUND_CENTER";
    static final Instant START = Instant.parse("2026-03-02T02:00:00Z");

    final Map<String, Fact> facts = new LinkedHashMap<>();
    final Map<String, List<String>> clusters = new LinkedHashMap<>();
    final List<String> actions = Collections.synchronizedList(new ArrayList<>());

    /** A feedback sent at {@link #START} by {@code citizen}, optionally in {@code cluster}. */
    String add(String citizen, String cluster, String screen, String type, String appVersion, String colour, boolean negative) {
        String id = Ids.newId(START.plusMillis(facts.size()));
        if (cluster != null) {
            clusters.computeIfAbsent(cluster, c -> new ArrayList<>()).add(id);
        }
        facts.put(id, new Fact(id, citizen, cluster, cluster == null ? 1 : clusters.get(cluster).size(), colour, "SOCIAL_SECURITY", screen, type,
                appVersion, negative, null, true, START.minus(Duration.ofDays(10)), LEAD, citizen.startsWith("alice") ? "爱丽丝" : null));
        return id;
    }

    void rate(String feedbackId, int score) {
        Fact f = facts.get(feedbackId);
        facts.put(feedbackId, new Fact(f.feedbackId(), f.citizen(), f.clusterId(), f.clusterSize(), f.colour(), f.domain(), f.screenPath(),
                f.type(), f.appVersion(), f.negative(), score, false, f.submittedAt(), f.department(), f.consentedName()));
    }

    @Override
    public Optional<Fact> find(String feedbackId) {
        return Optional.ofNullable(facts.get(feedbackId));
    }

    @Override
    public List<String> clusterMembers(String clusterId) {
        return List.copyOf(clusters.getOrDefault(clusterId, List.of()));
    }

    @Override
    public void resolveByRelease(String feedbackId, String improvementId, String publicNote) {
        actions.add("resolve " + feedbackId + " " + improvementId);
    }

    @Override
    public void replyAutomatically(String feedbackId, String improvementId, String publicReply) {
        actions.add("reply " + feedbackId + " " + improvementId + " " + publicReply);
    }

    @Override
    public void markPossibleRegression(String feedbackId, String improvementId, String internalNote) {
        actions.add("regression " + feedbackId + " " + improvementId);
    }

    /** One feedback about a screen as a test states it: when, its rating (or null) and whether it was negative. */
    record Observation(Instant at, Integer score, boolean negative) {
    }

    /** The observations counted per Beijing day, as the daily aggregates count them; every call's screens go to {@code asked}. */
    static RatingSource ratings(List<Observation> observations, List<Set<String>> asked) {
        return (screens, domains, from, until) -> {
            asked.add(screens);
            RatingSource.Tally tally = RatingSource.Tally.NONE;
            for (Observation o : observations) {
                LocalDate day = o.at().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
                if (!day.isBefore(from) && day.isBefore(until)) {
                    tally = tally.plus(new RatingSource.Tally(1, o.negative() ? 1 : 0, o.score() == null ? Map.of() : Map.of(o.score(), 1L)));
                }
            }
            return tally;
        };
    }

    /** A fresh table on the shared dynalite, so each test sees only its own improvements. */
    static ImprovementStore newStore() {
        DynamoDbClient dynamo = Dynalite.shared().client();
        String table = Dynalite.tableName() + "-improve-" + UUID.randomUUID();
        LocalTableBootstrap.createIfMissing(dynamo, table);
        return new ImprovementStore(dynamo, table);
    }

    ImprovementService service(ImprovementStore store, Clock clock) {
        return new ImprovementService(store, this, this, Tracker.loadDefault(), PriorityPolicy.loadDefault(), SatisfactionChange.loadDefault(),
                new NoticeFanOut(store, this), Set.of(LEAD, OTHER), clock);
    }
}

package com.govfeedback.feedback.similar;

import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.s;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;

import com.govfeedback.feedback.Similarity;
import com.govfeedback.feedback.store.FeedbackKeys;
import com.govfeedback.feedback.store.SignatureAttribute;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.BatchGets;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;
import com.govfeedback.triage.similar.SimilaritySignature;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Links a new feedback to open near-duplicates of the same domain from the last 14 days ("me too"), reading only
 * the candidates that share a locality-sensitive band with it, never the table:
 *
 * <pre>
 * band entry: PK = SIMILAR#{domain}#{band key}   SK = {received at}#{feedback id}   (clusterId; TTL 14 days)
 * cluster:    PK = CLUSTER#{cluster id}          SK = CLUSTER                      (memberIds: a string set)
 * </pre>
 *
 * A cluster is named after its first feedback and gets an item when a second one joins; its size is the size of the
 * member set, so recording the same member twice (a retried submission) counts it once.
 */
public final class SimilarFeedback {
    private static final Logger LOG = Logger.getLogger(SimilarFeedback.class);
    public static final Duration WINDOW = Duration.ofDays(14);
    /** The newest entries read per band; enough for a burst of identical reports, bounded for cost. */
    static final int CANDIDATES_PER_BAND = 20;
    private static final Set<String> CLOSED = Set.of("RESOLVED", "CLOSED", "REJECTED", "MERGED");

    private final DynamoDbClient dynamo;
    private final String table;
    private final SimilaritySignature signatures;

    public SimilarFeedback(DynamoDbClient dynamo, String table, SimilaritySignature signatures) {
        this.dynamo = dynamo;
        this.table = table;
        this.signatures = signatures;
    }

    /** The cluster a new feedback joins: the most similar open candidate's, or a cluster of its own. */
    public Similarity place(String feedbackId, String domain, String maskedText, Instant receivedAt) {
        long[] signature = signatures.signature(maskedText);
        Map<String, String> candidates = candidates(domain, SimilaritySignature.bandKeys(signature), receivedAt);
        candidates.remove(feedbackId);
        String bestCluster = feedbackId;
        double best = SimilaritySignature.NEAR_DUPLICATE;
        for (Map<String, AttributeValue> item : readFeedback(candidates.keySet())) {
            AttributeValue stored = item.get("signature");
            if (stored == null || CLOSED.contains(Attributes.string(item, "status"))) {
                continue;
            }
            double similarity = SimilaritySignature.similarity(signature, SignatureAttribute.decode(stored));
            if (similarity >= best) {
                best = similarity;
                bestCluster = Attributes.string(item, "clusterId");
            }
        }
        return new Similarity(bestCluster, signature);
    }

    /** Records a stored feedback's band entries and cluster membership; idempotent, so a retry may repeat it. */
    public void record(String feedbackId, String domain, Similarity similarity, Instant receivedAt) {
        long expires = receivedAt.plus(WINDOW).getEpochSecond();
        List<WriteRequest> entries = new ArrayList<>();
        for (String band : SimilaritySignature.bandKeys(similarity.signature())) {
            Map<String, AttributeValue> entry = new HashMap<>();
            entry.put(TableSchema.PK, s(bandPartition(domain, band)));
            entry.put(TableSchema.SK, s(Attributes.sortable(receivedAt) + "#" + feedbackId));
            entry.put(TableSchema.ENTITY, s("SIMILAR"));
            entry.put("feedbackId", s(feedbackId));
            entry.put(TableSchema.TTL, n(expires));
            entries.add(WriteRequest.builder().putRequest(PutRequest.builder().item(entry).build()).build());
        }
        writeAll(entries);
        if (!similarity.clusterId().equals(feedbackId)) {
            try {
                StoreCalls.run(() -> dynamo.updateItem(b -> b.tableName(table).key(clusterKey(similarity.clusterId()))
                        .updateExpression("ADD memberIds :members SET #entity = :entity")
                        .expressionAttributeNames(Map.of("#entity", TableSchema.ENTITY))
                        .expressionAttributeValues(Map.of(":members", AttributeValue.fromSs(List.of(similarity.clusterId(), feedbackId)),
                                ":entity", s("CLUSTER")))));
            } catch (DynamoDbException full) {
                if (!"ValidationException".equals(full.awsErrorDetails().errorCode())) {
                    throw full;
                }
                // a cluster of ~10,000 members fills its item (400 KB): the feedback is stored and linked; the count stops growing
                LOG.warnf("cluster %s is full; %s is linked to it but not counted", similarity.clusterId(), feedbackId);
            }
        }
    }

    /** How many feedback each cluster holds ("me too" count), read in batches; 1 for a cluster nobody has joined. */
    public Map<String, Integer> members(Set<String> clusterIds) {
        Map<String, Integer> sizes = new HashMap<>();
        for (String id : clusterIds) {
            sizes.put(id, 1);
        }
        for (Map<String, AttributeValue> cluster : BatchGets.all(dynamo, table, clusterIds.stream().map(SimilarFeedback::clusterKey).toList())) {
            AttributeValue memberIds = cluster.get("memberIds");
            if (memberIds != null && memberIds.hasSs()) {
                sizes.put(cluster.get(TableSchema.PK).s().substring("CLUSTER#".length()), memberIds.ss().size());
            }
        }
        return sizes;
    }

    /** The feedback ids of one cluster (its member set), in one read; empty for an unknown cluster. */
    public List<String> memberIds(String clusterId) {
        Map<String, AttributeValue> cluster = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table).key(clusterKey(clusterId)))).item();
        AttributeValue memberIds = cluster == null ? null : cluster.get("memberIds");
        return memberIds != null && memberIds.hasSs() ? memberIds.ss().stream().sorted().toList() : List.of();
    }

    /** Feedback ids sharing a band within the window, newest first per band; the bands are read in parallel. */
    private Map<String, String> candidates(String domain, List<String> bands, Instant receivedAt) {
        String from = Attributes.sortable(receivedAt.minus(WINDOW));
        Map<String, String> found = new LinkedHashMap<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Map<String, AttributeValue>>>> reads = new ArrayList<>();
            for (String band : bands) {
                reads.add(readers.submit(() -> StoreCalls.call(() -> dynamo.query(b -> b.tableName(table)
                        .keyConditionExpression("PK = :pk AND SK >= :from")
                        .expressionAttributeValues(Map.of(":pk", s(bandPartition(domain, band)), ":from", s(from)))
                        .scanIndexForward(false).limit(CANDIDATES_PER_BAND))).items()));
            }
            for (Future<List<Map<String, AttributeValue>>> read : reads) {
                for (Map<String, AttributeValue> entry : read.get()) {
                    found.put(Attributes.string(entry, "feedbackId"), "");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        return found;
    }

    private List<Map<String, AttributeValue>> readFeedback(Set<String> ids) {
        return BatchGets.all(dynamo, table, ids.stream().map(FeedbackKeys::key).toList(),
                keys -> keys.projectionExpression("#status, signature, clusterId").expressionAttributeNames(Map.of("#status", "status")));
    }

    private void writeAll(List<WriteRequest> requests) {
        List<WriteRequest> pending = requests;
        while (!pending.isEmpty()) {
            List<WriteRequest> batch = pending;
            var response = StoreCalls.call(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, batch))));
            pending = response.unprocessedItems().getOrDefault(table, List.of());
        }
    }

    private static String bandPartition(String domain, String band) {
        return "SIMILAR#" + domain + "#" + band;
    }

    private static Map<String, AttributeValue> clusterKey(String clusterId) {
        return Map.of(TableSchema.PK, s("CLUSTER#" + clusterId), TableSchema.SK, s("CLUSTER"));
    }
}

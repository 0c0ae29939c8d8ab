package com.govfeedback.improvement.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key values of the improvement loop's items (docs/improvements.md):
 * <pre>
 * IMPROVEMENT#{id}               IMPROVEMENT                   the improvement
 * IMPROVEMENT#{id}               LINK#{feedback id}            a linked feedback (citizen, cluster, colour…): the fan-out pages these
 * IMPROVEMENT#{id}               SUPPORTER#{citizen}           a "我也需要" supporter, one per citizen
 * FEEDBACK_LINK#{feedback id}    IMPROVEMENT                   claim: the one improvement a feedback belongs to
 * CLUSTER_LINK#{cluster id}      IMPROVEMENT                   claim: the improvement new members of a cluster join
 * RELEASED_SCREEN#{screen path}  {type}#{improvement id}       a released fix on a screen, for release-aware answers
 * IMPROVEMENT_NOTICE#{notice id} CITIZEN#{citizen}             one status-change notice for one citizen
 * </pre>
 * Index keys: ByPool {@code IMPROVEMENT_POOL / {rank}#{id}}, ByStatus {@code IMPROVEMENT_STATUS#{status} / {rank}#{id}} (RELEASED:
 * {@code {released at}#{id}}), ByDepartment {@code IMPROVEMENT_DEPT#{department} / {rank}#{id}}, and pending fan-outs in ByDue's
 * own partition {@code IMPROVEMENT_FANOUT / {since}#{id}} (the feedback sweep reads only {@code DUE#{shard}}).
 */
public final class ImprovementKeys {
    public static final String ITEM_SK = "IMPROVEMENT";
    public static final String LINK_PREFIX = "LINK#";
    public static final String SUPPORTER_PREFIX = "SUPPORTER#";
    public static final String POOL = "IMPROVEMENT_POOL";
    public static final String FANOUT_DUE = "IMPROVEMENT_FANOUT";
    /** The rank of a score: ascending text order is descending score (score 0–100, two decimals). */
    private static final long RANK_TOP = 10_000;

    private ImprovementKeys() {
    }

    public static String partition(String improvementId) {
        return "IMPROVEMENT#" + improvementId;
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(TableSchema.PK, Attributes.s(pk));
        key.put(TableSchema.SK, Attributes.s(sk));
        return key;
    }

    public static Map<String, AttributeValue> item(String improvementId) {
        return key(partition(improvementId), ITEM_SK);
    }

    public static Map<String, AttributeValue> link(String improvementId, String feedbackId) {
        return key(partition(improvementId), LINK_PREFIX + feedbackId);
    }

    public static Map<String, AttributeValue> supporter(String improvementId, String citizen) {
        return key(partition(improvementId), SUPPORTER_PREFIX + citizen);
    }

    public static Map<String, AttributeValue> feedbackClaim(String feedbackId) {
        return key("FEEDBACK_LINK#" + feedbackId, ITEM_SK);
    }

    /** A client's create request: a retry with the same client request id finds the improvement it made. */
    public static Map<String, AttributeValue> requestClaim(String caller, String clientRequestId) {
        return key("IMPROVEMENT_REQUEST#" + caller, "REQUEST#" + clientRequestId);
    }

    public static Map<String, AttributeValue> clusterClaim(String clusterId) {
        return key("CLUSTER_LINK#" + clusterId, ITEM_SK);
    }

    public static String releasedScreen(String screenPath) {
        return "RELEASED_SCREEN#" + screenPath;
    }

    public static String noticePartition(String noticeId) {
        return "IMPROVEMENT_NOTICE#" + noticeId;
    }

    public static Map<String, AttributeValue> notice(String noticeId, String citizen) {
        return key(noticePartition(noticeId), "CITIZEN#" + citizen);
    }

    public static String statusPartition(String status) {
        return "IMPROVEMENT_STATUS#" + status;
    }

    public static String departmentPartition(String department) {
        return "IMPROVEMENT_DEPT#" + department;
    }

    public static String rank(double score, String id) {
        long scaled = Math.max(0, Math.min(RANK_TOP, Math.round(score * 100)));
        return String.format("%05d#%s", RANK_TOP - scaled, id);
    }

    public static String byTime(Instant at, String id) {
        return Attributes.sortable(at) + "#" + id;
    }
}

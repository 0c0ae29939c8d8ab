package com.govfeedback.improvement.store;

import static com.govfeedback.storage.Attributes.instant;
import static com.govfeedback.storage.Attributes.map;
import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.number;
import static com.govfeedback.storage.Attributes.putIfPresent;
import static com.govfeedback.storage.Attributes.s;
import static com.govfeedback.storage.Attributes.string;
import static com.govfeedback.storage.Attributes.strings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.improvement.Improvement;
import com.govfeedback.improvement.ImprovementStatus;
import com.govfeedback.improvement.LinkStats;
import com.govfeedback.improvement.PriorityScore;
import com.govfeedback.improvement.SatisfactionChange;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The improvement item's attributes, written field by field (no reflection), with its index keys. */
public final class ImprovementItems {
    public static final String ENTITY = "IMPROVEMENT";
    /** A feedback linked to an improvement ({@link ImprovementKeys#link}). */
    public static final String LINK_ENTITY = "IMPROVEMENT_LINK";

    /** The improvement a link item belongs to. */
    public static String improvementOfLink(Map<String, AttributeValue> item) {
        return string(item, TableSchema.PK).substring(ImprovementKeys.partition("").length());
    }

    private ImprovementItems() {
    }

    public static Map<String, AttributeValue> toItem(Improvement i) {
        Map<String, AttributeValue> item = new HashMap<>(ImprovementKeys.item(i.id()));
        item.put(TableSchema.ENTITY, s(ENTITY));
        item.put("id", s(i.id()));
        item.put("title", s(i.title()));
        putIfPresent(item, "problem", i.problem());
        item.put("screenPaths", strings(i.screenPaths()));
        item.put("appVersions", strings(i.appVersions()));
        item.put("domains", strings(i.domains()));
        putIfPresent(item, "feedbackType", i.feedbackType());
        item.put("leadDepartment", s(i.leadDepartment()));
        item.put("coDepartments", strings(i.coDepartments()));
        item.put("clusterIds", strings(i.clusterIds()));
        item.put("status", s(i.status().name()));
        putIfPresent(item, "target", i.target());
        putIfPresent(item, "expectedDate", i.expectedDate() == null ? null : i.expectedDate().toString());
        putIfPresent(item, "declineReason", i.declineReason());
        putIfPresent(item, "duplicateOf", i.duplicateOf());
        if (i.release() != null) {
            item.put("release", release(i.release()));
        }
        if (i.urgencyGrade() != null) {
            item.put("urgencyGrade", n(i.urgencyGrade()));
        }
        putIfPresent(item, "effort", i.effort());
        item.put("stats", stats(i.stats()));
        item.put("supporters", n(i.supporters()));
        item.put("priority", priority(i.priority()));
        item.put("history", AttributeValue.fromL(i.history().stream().map(ImprovementItems::history).toList()));
        putIfPresent(item, "internalNote", i.internalNote());
        item.put("createdBy", s(i.createdBy()));
        item.put("createdAt", instant(i.createdAt()));
        item.put("requestedAt", instant(i.requestedAt()));
        if (i.satisfaction() != null) {
            item.put("satisfaction", satisfaction(i.satisfaction()));
        }
        Map<String, AttributeValue> fanOuts = new HashMap<>();
        i.fanOuts().forEach((id, f) -> fanOuts.put(id, fanOut(f)));
        item.put("fanOuts", AttributeValue.fromM(fanOuts));
        putIfPresent(item, "lastProgressQuarter", i.lastProgressQuarter());
        item.put("version", n(i.version()));
        indexKeys(i, item);
        return item;
    }

    /** ByPool while in the pool, ByStatus and ByDepartment always, ByDue's fan-out partition while a fan-out is pending. */
    private static void indexKeys(Improvement i, Map<String, AttributeValue> item) {
        String rank = ImprovementKeys.rank(i.priority().score(), i.id());
        if (i.status().inPool()) {
            item.put(TableSchema.BY_POOL.partitionKey(), s(ImprovementKeys.POOL));
            item.put(TableSchema.BY_POOL.sortKey(), s(rank));
        }
        item.put(TableSchema.BY_STATUS.partitionKey(), s(ImprovementKeys.statusPartition(i.status().name())));
        item.put(TableSchema.BY_STATUS.sortKey(), s(i.status() == ImprovementStatus.RELEASED
                ? ImprovementKeys.byTime(i.release().releasedAt(), i.id()) : rank));
        item.put(TableSchema.BY_DEPARTMENT.partitionKey(), s(ImprovementKeys.departmentPartition(i.leadDepartment())));
        item.put(TableSchema.BY_DEPARTMENT.sortKey(), s(rank));
        i.fanOuts().values().stream().map(Improvement.FanOut::at).min(Instant::compareTo).ifPresent(since -> {
            item.put(TableSchema.BY_DUE.partitionKey(), s(ImprovementKeys.FANOUT_DUE));
            item.put(TableSchema.BY_DUE.sortKey(), s(ImprovementKeys.byTime(since, i.id())));
        });
    }

    public static Improvement fromItem(Map<String, AttributeValue> item) {
        String urgency = item.containsKey("urgencyGrade") ? item.get("urgencyGrade").n() : null;
        Map<String, Improvement.FanOut> fanOuts = new LinkedHashMap<>();
        map(item, "fanOuts").forEach((id, value) -> fanOuts.put(id, fanOut(value.m())));
        String expected = string(item, "expectedDate");
        return new Improvement(string(item, "id"), string(item, "title"), string(item, "problem"), strings(item, "screenPaths"),
                strings(item, "appVersions"), strings(item, "domains"), string(item, "feedbackType"), string(item, "leadDepartment"),
                strings(item, "coDepartments"), strings(item, "clusterIds"), ImprovementStatus.valueOf(string(item, "status")),
                string(item, "target"), expected == null ? null : LocalDate.parse(expected), string(item, "declineReason"),
                string(item, "duplicateOf"), item.containsKey("release") ? release(item.get("release").m()) : null,
                urgency == null ? null : Integer.valueOf(urgency), string(item, "effort"), stats(map(item, "stats")), number(item, "supporters"),
                priority(map(item, "priority")), item.get("history").l().stream().map(h -> history(h.m())).toList(),
                string(item, "internalNote"), string(item, "createdBy"), instant(item, "createdAt"), instant(item, "requestedAt"),
                item.containsKey("satisfaction") ? satisfaction(item.get("satisfaction").m()) : null, fanOuts,
                string(item, "lastProgressQuarter"), number(item, "version"));
    }

    private static AttributeValue release(Improvement.Release r) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("appVersion", s(r.appVersion()));
        m.put("releasedOn", s(r.releasedOn().toString()));
        m.put("releasedAt", instant(r.releasedAt()));
        putIfPresent(m, "note", r.note());
        putIfPresent(m, "stepsBefore", r.stepsBefore());
        putIfPresent(m, "stepsAfter", r.stepsAfter());
        m.put("mediaUrls", strings(r.mediaUrls()));
        return AttributeValue.fromM(m);
    }

    private static Improvement.Release release(Map<String, AttributeValue> m) {
        return new Improvement.Release(string(m, "appVersion"), LocalDate.parse(string(m, "releasedOn")), instant(m, "releasedAt"),
                string(m, "note"), string(m, "stepsBefore"), string(m, "stepsAfter"), strings(m, "mediaUrls"));
    }

    private static AttributeValue history(Improvement.HistoryEntry h) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("at", instant(h.at()));
        putIfPresent(m, "from", h.from() == null ? null : h.from().name());
        m.put("to", s(h.to().name()));
        putIfPresent(m, "publicNote", h.publicNote());
        return AttributeValue.fromM(m);
    }

    private static Improvement.HistoryEntry history(Map<String, AttributeValue> m) {
        String from = string(m, "from");
        return new Improvement.HistoryEntry(instant(m, "at"), from == null ? null : ImprovementStatus.valueOf(from),
                ImprovementStatus.valueOf(string(m, "to")), string(m, "publicNote"));
    }

    private static AttributeValue fanOut(Improvement.FanOut f) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("noticeId", s(f.noticeId()));
        m.put("status", s(f.status().name()));
        m.put("text", s(f.text()));
        m.put("at", instant(f.at()));
        m.put("cursor", s(f.cursor()));
        return AttributeValue.fromM(m);
    }

    private static Improvement.FanOut fanOut(Map<String, AttributeValue> m) {
        return new Improvement.FanOut(string(m, "noticeId"), ImprovementStatus.valueOf(string(m, "status")), string(m, "text"),
                instant(m, "at"), string(m, "cursor"));
    }

    private static AttributeValue stats(LinkStats st) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("linked", n(st.linked()));
        m.put("meToo", n(st.meToo()));
        m.put("negative", n(st.negative()));
        m.put("rated", n(st.rated()));
        m.put("badRatings", n(st.badRatings()));
        m.put("citizens", n(st.citizens()));
        m.put("contributors", strings(st.contributors()));
        Map<String, AttributeValue> colours = new HashMap<>();
        st.colours().forEach((colour, count) -> colours.put(colour, n(count)));
        m.put("colours", AttributeValue.fromM(colours));
        return AttributeValue.fromM(m);
    }

    private static LinkStats stats(Map<String, AttributeValue> m) {
        Map<String, Long> colours = new LinkedHashMap<>();
        map(m, "colours").forEach((colour, count) -> colours.put(colour, Long.parseLong(count.n())));
        return new LinkStats(number(m, "linked"), number(m, "meToo"), colours, number(m, "negative"), number(m, "rated"), number(m, "badRatings"),
                number(m, "citizens"), strings(m, "contributors"));
    }

    private static AttributeValue priority(PriorityScore p) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("score", d(p.score()));
        m.put("level", s(p.level()));
        m.put("impact", d(p.impact()));
        m.put("urgency", d(p.urgency()));
        m.put("effortFactor", d(p.effortFactor()));
        Map<String, AttributeValue> components = new HashMap<>();
        p.components().forEach((name, value) -> components.put(name, d(value)));
        m.put("components", AttributeValue.fromM(components));
        Map<String, AttributeValue> inputs = new HashMap<>();
        p.inputs().forEach((name, value) -> inputs.put(name, n(value)));
        m.put("inputs", AttributeValue.fromM(inputs));
        return AttributeValue.fromM(m);
    }

    private static PriorityScore priority(Map<String, AttributeValue> m) {
        Map<String, Double> components = new LinkedHashMap<>();
        map(m, "components").forEach((name, value) -> components.put(name, Double.parseDouble(value.n())));
        Map<String, Long> inputs = new LinkedHashMap<>();
        map(m, "inputs").forEach((name, value) -> inputs.put(name, Long.parseLong(value.n())));
        return new PriorityScore(dbl(m, "score"), string(m, "level"), dbl(m, "impact"), dbl(m, "urgency"), dbl(m, "effortFactor"), components, inputs);
    }

    private static AttributeValue satisfaction(SatisfactionChange.Result r) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("before", window(r.before()));
        m.put("after", window(r.after()));
        m.put("complete", AttributeValue.fromBool(r.complete()));
        m.put("enoughSamples", AttributeValue.fromBool(r.enoughSamples()));
        m.put("minimumSamples", n(r.minimumSamples()));
        putNumber(m, "averageChange", r.averageChange());
        putNumber(m, "negativeRateChange", r.negativeRateChange());
        putIfPresent(m, "note", r.note());
        return AttributeValue.fromM(m);
    }

    private static SatisfactionChange.Result satisfaction(Map<String, AttributeValue> m) {
        return new SatisfactionChange.Result(window(map(m, "before")), window(map(m, "after")), m.get("complete").bool(),
                m.get("enoughSamples").bool(), (int) number(m, "minimumSamples"), optionalDouble(m, "averageChange"),
                optionalDouble(m, "negativeRateChange"), string(m, "note"));
    }

    private static AttributeValue window(SatisfactionChange.Window w) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("from", instant(w.from()));
        m.put("to", instant(w.to()));
        m.put("observations", n(w.observations()));
        m.put("rated", n(w.rated()));
        putNumber(m, "averageScore", w.averageScore());
        putNumber(m, "badRatingRate", w.badRatingRate());
        putNumber(m, "negativeRate", w.negativeRate());
        return AttributeValue.fromM(m);
    }

    private static SatisfactionChange.Window window(Map<String, AttributeValue> m) {
        return new SatisfactionChange.Window(instant(m, "from"), instant(m, "to"), (int) number(m, "observations"), (int) number(m, "rated"),
                optionalDouble(m, "averageScore"), optionalDouble(m, "badRatingRate"), optionalDouble(m, "negativeRate"));
    }

    private static AttributeValue d(double value) {
        return AttributeValue.fromN(Double.toString(value));
    }

    private static double dbl(Map<String, AttributeValue> m, String name) {
        return Double.parseDouble(m.get(name).n());
    }

    private static Double optionalDouble(Map<String, AttributeValue> m, String name) {
        return m.containsKey(name) ? Double.valueOf(m.get(name).n()) : null;
    }

    private static void putNumber(Map<String, AttributeValue> m, String name, Double value) {
        if (value != null) {
            m.put(name, d(value));
        }
    }

    public static Map<String, AttributeValue> toItem(String improvementId, LinkRecord link) {
        Map<String, AttributeValue> item = new HashMap<>(ImprovementKeys.link(improvementId, link.feedbackId()));
        item.put(TableSchema.ENTITY, s(LINK_ENTITY));
        item.put("feedbackId", s(link.feedbackId()));
        item.put("citizen", s(link.citizen()));
        putIfPresent(item, "clusterId", link.clusterId());
        item.put("clusterSize", n(link.clusterSize()));
        putIfPresent(item, "colour", link.colour());
        item.put("negative", AttributeValue.fromBool(link.negative()));
        if (link.ratingScore() != null) {
            item.put("ratingScore", n(link.ratingScore()));
        }
        item.put("submittedAt", instant(link.submittedAt()));
        item.put("linkedAt", instant(link.linkedAt()));
        putIfPresent(item, "consentedName", link.consentedName());
        return item;
    }

    public static LinkRecord link(Map<String, AttributeValue> item) {
        return new LinkRecord(string(item, "feedbackId"), string(item, "citizen"), string(item, "clusterId"), number(item, "clusterSize"),
                string(item, "colour"), item.get("negative").bool(),
                item.containsKey("ratingScore") ? Integer.valueOf(item.get("ratingScore").n()) : null, instant(item, "submittedAt"),
                instant(item, "linkedAt"), string(item, "consentedName"));
    }

    static List<String> ids(List<Map<String, AttributeValue>> items, String attribute) {
        List<String> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(string(item, attribute)));
        return out;
    }
}

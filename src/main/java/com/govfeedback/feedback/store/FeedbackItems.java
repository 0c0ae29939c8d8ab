package com.govfeedback.feedback.store;

import static com.govfeedback.storage.Attributes.instant;
import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.putIfPresent;
import static com.govfeedback.storage.Attributes.s;
import static com.govfeedback.storage.Attributes.string;
import static com.govfeedback.storage.Attributes.strings;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.govfeedback.crypto.Sealed;
import com.govfeedback.crypto.WrappedKey;
import com.govfeedback.feedback.Channel;
import com.govfeedback.feedback.ContactPhone;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackContext;
import com.govfeedback.feedback.Similarity;
import com.govfeedback.feedback.Status;
import com.govfeedback.sla.Colour;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.TableSchema;
import com.govfeedback.triage.TriageResult;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one converter between a stored feedback item and {@link Feedback}: every attribute of the item is written and
 * read here (with {@link CaseFileAttributes}, {@link NotificationAttributes} and {@link SlaStateJson} for its parts), so
 * a new field is added in this package only. Keys come from {@link FeedbackKeys}.
 */
public final class FeedbackItems {
    /** The item's {@link TableSchema#ENTITY}. */
    public static final String ENTITY = "FEEDBACK";
    /** The attribute holding the outbox (read by the notifier through {@link FeedbackOutbox}). */
    static final String OUTBOX = "outbox";
    /** The attribute holding the sealed callback phone. */
    static final String CONTACT_PHONE = "contactPhone";

    private FeedbackItems() {
    }

    /** The item as stored, with its index keys (bulk loads such as the sweep benchmark's write it directly). */
    public static Map<String, AttributeValue> toItem(Feedback f) {
        Map<String, AttributeValue> item = new HashMap<>(FeedbackKeys.key(f.id()));
        item.put(TableSchema.ENTITY, s(ENTITY));
        item.put(TableSchema.BY_CITIZEN.partitionKey(), s(FeedbackKeys.citizenPartition(f.citizen())));
        item.put(TableSchema.BY_CITIZEN.sortKey(), s(f.id()));
        String queue = FeedbackKeys.queueOf(f);
        if (queue != null) {
            item.put(TableSchema.BY_QUEUE.partitionKey(), s(queue));
            item.put(TableSchema.BY_QUEUE.sortKey(), s(FeedbackKeys.queueSort(f.nearestDueAt(), f.id())));
        }
        if (f.nextTimerAt() != null) {
            item.put(TableSchema.BY_DUE.partitionKey(), s(FeedbackKeys.duePartition(FeedbackKeys.dueShard(f.id()))));
            item.put(TableSchema.BY_DUE.sortKey(), s(FeedbackKeys.dueSort(f.nextTimerAt(), f.id())));
        }
        item.put("id", s(f.id()));
        item.put("trackingNo", s(f.trackingNo()));
        item.put("citizen", s(f.citizen()));
        item.put("status", s(f.status().name()));
        item.put("receivedAt", instant(f.receivedAt()));
        item.put("text", s(f.text()));
        item.put("channel", s(f.channel().name()));
        item.put("context", AttributeValue.fromM(contextToMap(f.context())));
        item.put("triage", AttributeValue.fromM(triageToMap(f.triage())));
        item.put("sla", s(SlaStateJson.write(f.sla())));
        item.put("clusterId", s(f.similar().clusterId()));
        item.put("signature", SignatureAttribute.encode(f.similar().signature()));
        item.put(OUTBOX, NotificationAttributes.toAttribute(f.outbox()));
        item.put("version", n(f.version()));
        item.put("case", CaseFileAttributes.toAttribute(f.caseFile()));
        if (f.contactPhone() != null) {
            item.put(CONTACT_PHONE, contactToAttribute(f.contactPhone()));
        }
        return item;
    }

    public static Feedback fromItem(Map<String, AttributeValue> item) {
        String text = string(item, "text");
        return new Feedback(string(item, "id"), string(item, "trackingNo"), string(item, "citizen"),
                Status.valueOf(string(item, "status")), Attributes.instant(item, "receivedAt"), text,
                Channel.valueOf(string(item, "channel")), contextFromMap(Attributes.map(item, "context")),
                triageFromMap(Attributes.map(item, "triage"), text), SlaStateJson.read(string(item, "sla")),
                sortKeyInstant(string(item, TableSchema.BY_DUE.sortKey())), sortKeyInstant(string(item, TableSchema.BY_QUEUE.sortKey())),
                new Similarity(string(item, "clusterId"), SignatureAttribute.decode(item.get("signature"))),
                NotificationAttributes.fromAttribute(item.get(OUTBOX)), Attributes.number(item, "version"),
                CaseFileAttributes.fromAttribute(item.get("case")), contactFromAttribute(item.get(CONTACT_PHONE)));
    }

    /** The sealed number with its wrapped data key and the masked form; the plain number is never an attribute. */
    static AttributeValue contactToAttribute(ContactPhone phone) {
        Sealed sealed = phone.sealed();
        return AttributeValue.fromM(Map.of("masked", s(phone.masked()), "algorithm", s(Sealed.ALGORITHM), "kek", s(sealed.key().kekId()),
                "dataKey", AttributeValue.fromB(SdkBytes.fromByteArray(sealed.key().blob())),
                "sealed", AttributeValue.fromB(SdkBytes.fromByteArray(sealed.nonceAndText()))));
    }

    private static ContactPhone contactFromAttribute(AttributeValue value) {
        if (value == null || !value.hasM()) {
            return null;
        }
        Map<String, AttributeValue> m = value.m();
        return new ContactPhone(string(m, "masked"), new Sealed(new WrappedKey(string(m, "kek"), m.get("dataKey").b().asByteArray()),
                m.get("sealed").b().asByteArray()));
    }

    /** The instant at the front of a "{instant}#{id}" sort key; null when absent or "no deadline". */
    private static Instant sortKeyInstant(String sortKey) {
        if (sortKey == null || !Character.isDigit(sortKey.charAt(0))) {
            return null;
        }
        return Instant.parse(sortKey.substring(0, sortKey.indexOf('#')));
    }

    private static Map<String, AttributeValue> triageToMap(TriageResult t) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("type", s(t.type()));
        m.put("colour", s(t.colour().name()));
        m.put("domain", s(t.domain()));
        m.put("alsoDomains", strings(t.alsoDomains()));
        m.put("department", s(t.department()));
        m.put("copiedDepartments", strings(t.copiedDepartments()));
        m.put("tags", strings(t.tags()));
        m.put("sentiment", s(t.sentiment()));
        m.put("sentimentScore", AttributeValue.fromN(Double.toString(t.sentimentScore())));
        m.put("typeConfidence", AttributeValue.fromN(Double.toString(t.typeConfidence())));
        m.put("domainConfidence", AttributeValue.fromN(Double.toString(t.domainConfidence())));
        m.put("evidence", strings(t.evidence()));
        m.put("needsReview", AttributeValue.fromBool(t.needsReview()));
        return m;
    }

    private static TriageResult triageFromMap(Map<String, AttributeValue> m, String maskedText) {
        return new TriageResult(maskedText, string(m, "type"), Colour.valueOf(string(m, "colour")), string(m, "domain"), Attributes.strings(m, "alsoDomains"),
                string(m, "department"), Attributes.strings(m, "copiedDepartments"), Attributes.strings(m, "tags"), string(m, "sentiment"),
                decimal(m, "sentimentScore"), decimal(m, "typeConfidence"), decimal(m, "domainConfidence"), Attributes.strings(m, "evidence"),
                Boolean.TRUE.equals(m.get("needsReview").bool()));
    }

    private static double decimal(Map<String, AttributeValue> m, String name) {
        return Double.parseDouble(m.get(name).n());
    }

    private static Map<String, AttributeValue> contextToMap(FeedbackContext c) {
        Map<String, AttributeValue> m = new HashMap<>();
        putIfPresent(m, "screenPath", c.screenPath());
        putIfPresent(m, "deviceModel", c.deviceModel());
        putIfPresent(m, "os", c.os());
        putIfPresent(m, "osVersion", c.osVersion());
        putIfPresent(m, "appVersion", c.appVersion());
        putIfPresent(m, "networkType", c.networkType());
        putIfPresent(m, "regionCode", c.regionCode());
        putIfPresent(m, "locale", c.locale());
        return m;
    }

    private static FeedbackContext contextFromMap(Map<String, AttributeValue> m) {
        return new FeedbackContext(string(m, "screenPath"), string(m, "deviceModel"), string(m, "os"), string(m, "osVersion"),
                string(m, "appVersion"), string(m, "networkType"), string(m, "regionCode"), string(m, "locale"));
    }
}

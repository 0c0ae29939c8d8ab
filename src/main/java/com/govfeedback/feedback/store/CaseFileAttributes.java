package com.govfeedback.feedback.store;

import static com.govfeedback.storage.Attributes.instant;
import static com.govfeedback.storage.Attributes.n;
import static com.govfeedback.storage.Attributes.putIfPresent;
import static com.govfeedback.storage.Attributes.s;
import static com.govfeedback.storage.Attributes.string;
import static com.govfeedback.storage.Attributes.strings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.govfeedback.feedback.AppealDecision;
import com.govfeedback.feedback.CaseAction;
import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.CaseFile.Appeal;
import com.govfeedback.feedback.CaseFile.Assignment;
import com.govfeedback.feedback.CaseFile.Deferral;
import com.govfeedback.feedback.CaseFile.FollowUp;
import com.govfeedback.feedback.CaseFile.Rating;
import com.govfeedback.feedback.CaseFile.Step;
import com.govfeedback.feedback.Status;
import com.govfeedback.storage.Attributes;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The case file as one DynamoDB map attribute of the feedback item, field by field (no reflection). */
public final class CaseFileAttributes {
    private CaseFileAttributes() {
    }

    public static AttributeValue toAttribute(CaseFile c) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("history", AttributeValue.fromL(c.history().stream().map(CaseFileAttributes::step).map(AttributeValue::fromM).toList()));
        if (c.assignment() != null) {
            Map<String, AttributeValue> a = new HashMap<>();
            a.put("owner", s(c.assignment().owner()));
            a.put("expectedBy", s(c.assignment().expectedBy().toString()));
            a.put("by", s(c.assignment().by()));
            a.put("at", instant(c.assignment().at()));
            m.put("assignment", AttributeValue.fromM(a));
        }
        if (c.rating() != null) {
            Map<String, AttributeValue> r = new HashMap<>();
            r.put("score", n(c.rating().score()));
            putIfPresent(r, "comment", c.rating().comment());
            r.put("at", instant(c.rating().at()));
            r.put("round", n(c.rating().round()));
            m.put("rating", AttributeValue.fromM(r));
        }
        if (c.followUp() != null) {
            Map<String, AttributeValue> f = new HashMap<>();
            f.put("openedAt", instant(c.followUp().openedAt()));
            f.put("dueAt", instant(c.followUp().dueAt()));
            f.put("overdueNoticed", AttributeValue.fromBool(c.followUp().overdueNoticed()));
            if (c.followUp().closedAt() != null) {
                f.put("closedAt", instant(c.followUp().closedAt()));
            }
            if (c.followUp().unansweredCalls() > 0) {
                f.put("unansweredCalls", n(c.followUp().unansweredCalls()));
            }
            if (c.followUp().outcome() != null) {
                f.put("outcome", s(c.followUp().outcome()));
            }
            m.put("followUp", AttributeValue.fromM(f));
        }
        if (c.appeal() != null) {
            Map<String, AttributeValue> a = new HashMap<>();
            a.put("reason", s(c.appeal().reason()));
            a.put("at", instant(c.appeal().at()));
            a.put("round", n(c.appeal().round()));
            if (c.appeal().decision() != null) {
                a.put("decision", s(c.appeal().decision().name()));
            }
            putIfPresent(a, "note", c.appeal().note());
            putIfPresent(a, "decidedBy", c.appeal().decidedBy());
            if (c.appeal().decidedAt() != null) {
                a.put("decidedAt", instant(c.appeal().decidedAt()));
            }
            m.put("appeal", AttributeValue.fromM(a));
        }
        putIfPresent(m, "targetQuarter", c.targetQuarter());
        if (c.deferral() != null) {
            m.put("deferral", AttributeValue.fromM(Map.of("since", instant(c.deferral().since()),
                    "noticesSent", n(c.deferral().noticesSent()))));
        }
        putIfPresent(m, "mergedInto", c.mergedInto());
        m.put("mergedFrom", strings(c.mergedFrom()));
        m.put("meTooCount", n(c.meTooCount()));
        m.put("followers", strings(c.followers()));
        return AttributeValue.fromM(m);
    }

    public static CaseFile fromAttribute(AttributeValue value) {
        if (value == null || !value.hasM()) {
            return CaseFile.EMPTY;
        }
        Map<String, AttributeValue> m = value.m();
        AttributeValue history = m.get("history");
        Map<String, AttributeValue> a = Attributes.map(m, "assignment");
        Map<String, AttributeValue> r = Attributes.map(m, "rating");
        Map<String, AttributeValue> f = Attributes.map(m, "followUp");
        Map<String, AttributeValue> p = Attributes.map(m, "appeal");
        Map<String, AttributeValue> d = Attributes.map(m, "deferral");
        return new CaseFile(
                history == null || !history.hasL() ? java.util.List.of() : history.l().stream().map(v -> step(v.m())).toList(),
                a.isEmpty() ? null : new Assignment(string(a, "owner"), LocalDate.parse(string(a, "expectedBy")), string(a, "by"),
                        Attributes.instant(a, "at")),
                r.isEmpty() ? null : new Rating((int) Attributes.number(r, "score"), string(r, "comment"), Attributes.instant(r, "at"),
                        (int) Attributes.number(r, "round")),
                f.isEmpty() ? null : new FollowUp(Attributes.instant(f, "openedAt"), Attributes.instant(f, "dueAt"),
                        Attributes.instant(f, "closedAt"), f.containsKey("overdueNoticed") && f.get("overdueNoticed").bool(),
                        (int) Attributes.number(f, "unansweredCalls"), string(f, "outcome")),
                p.isEmpty() ? null : new Appeal(string(p, "reason"), Attributes.instant(p, "at"), (int) Attributes.number(p, "round"),
                        p.containsKey("decision") ? AppealDecision.valueOf(string(p, "decision")) : null, string(p, "note"), string(p, "decidedBy"), Attributes.instant(p, "decidedAt")),
                string(m, "targetQuarter"),
                d.isEmpty() ? null : new Deferral(Attributes.instant(d, "since"), (int) Attributes.number(d, "noticesSent")),
                string(m, "mergedInto"), Attributes.strings(m, "mergedFrom"),
                (int) Attributes.number(m, "meTooCount"), Attributes.strings(m, "followers"));
    }

    private static Map<String, AttributeValue> step(Step step) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("action", s(step.action().name()));
        m.put("from", s(step.from().name()));
        m.put("to", s(step.to().name()));
        m.put("by", s(step.by()));
        m.put("at", instant(step.at()));
        putIfPresent(m, "publicNote", step.publicNote());
        putIfPresent(m, "internalNote", step.internalNote());
        return m;
    }

    private static Step step(Map<String, AttributeValue> m) {
        Instant at = Attributes.instant(m, "at");
        return new Step(CaseAction.valueOf(string(m, "action")), Status.valueOf(string(m, "from")), Status.valueOf(string(m, "to")), string(m, "by"), at,
                string(m, "publicNote"), string(m, "internalNote"));
    }
}

package com.govfeedback.improvement.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

import com.govfeedback.improvement.Improvement;
import com.govfeedback.improvement.LinkStats;
import com.govfeedback.improvement.PriorityScore;
import com.govfeedback.improvement.SatisfactionChange;
import com.govfeedback.improvement.Tracker;

/**
 * How improvements are shown. The public view carries no personal data and no internal notes, and names the owner as a
 * role of the lead department, never a person.
 */
public final class ImprovementViews {
    private final Tracker tracker;

    public ImprovementViews(Tracker tracker) {
        this.tracker = tracker;
    }

    public record Step(String status, String label, String at, String publicNote) {
    }

    public record PublicRelease(String appVersion, LocalDate releasedOn, String note, String stepsBefore, String stepsAfter, List<String> mediaUrls) {
    }

    /**
     * What {@code get} answers: the staff view to those who lead or co-operate, the public view to everybody else. Written
     * as the record it is, with no type field (a serializer given only this interface would find no properties).
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
    public sealed interface View permits PublicView, StaffView {
    }

    public record PublicView(String id, String title, String problem, String status, String statusLabel, String owner, String target,
            LocalDate expectedDate, List<Step> history, long linkedFeedback, long citizens, List<String> namedContributors,
            long anonymousContributors, long supporters, String declineReason, String duplicateOf, PublicRelease release,
            SatisfactionChange.Result satisfaction) implements View {
    }

    /** What staff see: the public view, the moves the tracker allows next, the priority with its components and the internal fields. */
    public record StaffView(PublicView tracker, List<String> allowedMoves, String leadDepartment, List<String> coDepartments, List<String> screenPaths,
            List<String> appVersions, List<String> domains, String feedbackType, List<String> clusterIds, PriorityScore priority,
            Integer urgencyGrade, String effort, LinkStats stats, String internalNote, String createdBy, int pendingFanOuts, long version)
            implements View {
    }

    public PublicView publicView(Improvement i) {
        List<Step> steps = i.history().stream()
                .map(h -> new Step(h.to().name(), tracker.label(h.to()), h.at().toString(), h.publicNote())).toList();
        Improvement.Release r = i.release();
        return new PublicView(i.id(), i.title(), i.problem(), i.status().name(), tracker.label(i.status()),
                tracker.text("ownerRole", Map.of("department", i.leadDepartment())), i.target(), i.expectedDate(), steps, i.stats().linked(),
                i.stats().citizens(), i.stats().contributors(), Math.max(0, i.stats().citizens() - i.stats().contributors().size()), i.supporters(), i.declineReason(), i.duplicateOf(),
                r == null ? null : new PublicRelease(r.appVersion(), r.releasedOn(), r.note(), r.stepsBefore(), r.stepsAfter(), r.mediaUrls()),
                i.satisfaction());
    }

    public StaffView staffView(Improvement i) {
        return new StaffView(publicView(i), tracker.allowedFrom(i.status()).stream().map(Enum::name).toList(), i.leadDepartment(), i.coDepartments(), i.screenPaths(), i.appVersions(), i.domains(),
                i.feedbackType(), i.clusterIds(), i.priority(), i.urgencyGrade(), i.effort(), i.stats(), i.internalNote(), i.createdBy(),
                i.fanOuts().size(), i.version());
    }
}

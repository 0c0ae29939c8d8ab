package com.govfeedback.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A 需求: a change to the app or a service that feedback asked for, tracked publicly from review to release.
 * Stored as one item ({@code store/ImprovementStore}); every change is one conditional write on {@code version}.
 *
 * @param screenPaths   affected app screens; with {@code feedbackType} they match new feedback to a released fix
 * @param feedbackType  the feedback type it addresses (BUG, COMPLAINT…), or null
 * @param clusterIds    similar-feedback clusters whose new members join automatically
 * @param target        ACCEPTED: the target app version or quarter (e.g. 5.12.0 or 2026-Q4)
 * @param declineReason DECLINED: the public reason
 * @param duplicateOf   DUPLICATE_OF: the improvement it duplicates
 * @param urgencyGrade  the reviewer's business-urgency grade 1–5, null until graded
 * @param effort        the effort estimate (S, M, L, XL), null until estimated
 * @param requestedAt   when the earliest linked feedback was sent (lead time starts here), else creation time
 * @param internalNote  staff only, masked
 * @param createdBy     the staff member who proposed it (never shown publicly)
 * @param fanOuts       status-change notices still being delivered to linked citizens, by notice id
 * @param lastProgressQuarter LONG_TERM: the quarter (2026-Q3) whose progress notice went out last, or null
 */
public record Improvement(String id, String title, String problem, List<String> screenPaths, List<String> appVersions, List<String> domains,
        String feedbackType, String leadDepartment, List<String> coDepartments, List<String> clusterIds, ImprovementStatus status,
        String target, LocalDate expectedDate, String declineReason, String duplicateOf, Release release, Integer urgencyGrade, String effort,
        LinkStats stats, long supporters, PriorityScore priority, List<HistoryEntry> history, String internalNote, String createdBy,
        Instant createdAt, Instant requestedAt, SatisfactionChange.Result satisfaction, Map<String, FanOut> fanOuts, String lastProgressQuarter, long version) {

    /**
     * What RELEASED carries: the fixed app version, the release date and note, how it was before and after, optional media.
     */
    public record Release(String appVersion, LocalDate releasedOn, Instant releasedAt, String note, String stepsBefore, String stepsAfter,
            List<String> mediaUrls) {
    }

    /** One status change on the public tracker; the note is public (masked). */
    public record HistoryEntry(Instant at, ImprovementStatus from, ImprovementStatus to, String publicNote) {
    }

    /**
     * A status change's notice still being delivered: the fan-out writes one notice item per linked citizen, in link
     * order, and records how far it got in {@code cursor} (the sort key of the last link done, or {@link #START}).
     */
    public record FanOut(String noticeId, ImprovementStatus status, String text, Instant at, String cursor) {
        public static final String START = "-";
    }

    public Improvement withVersion(long newVersion) {
        return new Improvement(id, title, problem, screenPaths, appVersions, domains, feedbackType, leadDepartment, coDepartments, clusterIds,
                status, target, expectedDate, declineReason, duplicateOf, release, urgencyGrade, effort, stats, supporters, priority, history,
                internalNote, createdBy, createdAt, requestedAt, satisfaction, fanOuts, lastProgressQuarter, newVersion);
    }

    /** A copy with changed fields: a small builder keeps every change one explicit, readable expression. */
    public Changes change() {
        return new Changes(this);
    }

    public static final class Changes {
        private String title, problem, feedbackType, target, declineReason, duplicateOf, effort, internalNote;
        private List<String> screenPaths, appVersions, domains, coDepartments, clusterIds;
        private ImprovementStatus status;
        private LocalDate expectedDate;
        private Release release;
        private Integer urgencyGrade;
        private LinkStats stats;
        private long supporters;
        private PriorityScore priority;
        private List<HistoryEntry> history;
        private Instant requestedAt;
        private SatisfactionChange.Result satisfaction;
        private Map<String, FanOut> fanOuts;
        private String lastProgressQuarter;
        private final Improvement base;

        private Changes(Improvement b) {
            base = b;
            title = b.title; problem = b.problem; feedbackType = b.feedbackType; target = b.target; declineReason = b.declineReason;
            duplicateOf = b.duplicateOf; effort = b.effort; internalNote = b.internalNote; screenPaths = b.screenPaths;
            appVersions = b.appVersions; domains = b.domains; coDepartments = b.coDepartments; clusterIds = b.clusterIds; status = b.status;
            expectedDate = b.expectedDate; release = b.release; urgencyGrade = b.urgencyGrade; stats = b.stats; supporters = b.supporters;
            priority = b.priority; history = b.history; requestedAt = b.requestedAt; satisfaction = b.satisfaction; fanOuts = b.fanOuts;
            lastProgressQuarter = b.lastProgressQuarter;
        }

        public Changes title(String v) { title = v; return this; }
        public Changes problem(String v) { problem = v; return this; }
        public Changes feedbackType(String v) { feedbackType = v; return this; }
        public Changes target(String v) { target = v; return this; }
        public Changes declineReason(String v) { declineReason = v; return this; }
        public Changes duplicateOf(String v) { duplicateOf = v; return this; }
        public Changes effort(String v) { effort = v; return this; }
        public Changes internalNote(String v) { internalNote = v; return this; }
        public Changes screenPaths(List<String> v) { screenPaths = v; return this; }
        public Changes appVersions(List<String> v) { appVersions = v; return this; }
        public Changes domains(List<String> v) { domains = v; return this; }
        public Changes coDepartments(List<String> v) { coDepartments = v; return this; }
        public Changes clusterIds(List<String> v) { clusterIds = v; return this; }
        public Changes status(ImprovementStatus v) { status = v; return this; }
        public Changes expectedDate(LocalDate v) { expectedDate = v; return this; }
        public Changes release(Release v) { release = v; return this; }
        public Changes urgencyGrade(Integer v) { urgencyGrade = v; return this; }
        public Changes stats(LinkStats v) { stats = v; return this; }
        public Changes supporters(long v) { supporters = v; return this; }
        public Changes priority(PriorityScore v) { priority = v; return this; }
        public Changes history(List<HistoryEntry> v) { history = v; return this; }
        public Changes requestedAt(Instant v) { requestedAt = v; return this; }
        public Changes satisfaction(SatisfactionChange.Result v) { satisfaction = v; return this; }
        public Changes fanOuts(Map<String, FanOut> v) { fanOuts = v; return this; }
        public Changes lastProgressQuarter(String v) { lastProgressQuarter = v; return this; }

        /** The changed improvement, one version on from the one it was read at. */
        public Improvement next() {
            return new Improvement(base.id, title, problem, screenPaths, appVersions, domains, feedbackType, base.leadDepartment, coDepartments,
                    clusterIds, status, target, expectedDate, declineReason, duplicateOf, release, urgencyGrade, effort, stats, supporters, priority,
                    history, internalNote, base.createdBy, base.createdAt, requestedAt, satisfaction, fanOuts, lastProgressQuarter, base.version + 1);
        }
    }
}

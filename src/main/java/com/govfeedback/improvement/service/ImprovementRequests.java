package com.govfeedback.improvement.service;

import java.util.List;

/** What callers send to {@link ImprovementService}; every free-text field arrives masked ({@link com.govfeedback.triage.text.RequestMasker}). */
public final class ImprovementRequests {
    private ImprovementRequests() {
    }

    /**
     * A new improvement from feedback ids, a similar-feedback cluster, or both (at least one of them).
     *
     * @param clientRequestId the client's key for this request (8–64 of {@code A-Za-z0-9._:-}): a retry answers the
     *                        improvement the first attempt created
     */
    public record Create(String clientRequestId, String title, String problem, List<String> feedbackIds, String clusterId, List<String> screenPaths,
            List<String> appVersions, List<String> domains, String feedbackType, String leadDepartment, List<String> coDepartments,
            String internalNote) {
    }

    /** Changes the descriptive fields; null leaves a field as it is. */
    public record Update(String id, String title, String problem, List<String> screenPaths, List<String> appVersions, List<String> domains,
            String feedbackType, List<String> coDepartments, String expectedDate, String internalNote, Long version) {
    }

    /**
     * A tracker move. ACCEPTED takes {@code target} (version or quarter); DECLINED {@code declineReason}; DUPLICATE_OF
     * {@code duplicateOf}; RELEASED {@code release} (its appVersion is required).
     */
    public record Move(String id, String to, String publicNote, String target, String expectedDate, String declineReason, String duplicateOf,
            ReleaseDetails release, Long version) {
    }

    public record ReleaseDetails(String appVersion, String releasedOn, String note, String stepsBefore, String stepsAfter, List<String> mediaUrls) {
    }

    /** The reviewer's business-urgency grade (1–5) and effort estimate (S, M, L, XL); null leaves one as it is. */
    public record Grade(String id, Integer urgency, String effort, Long version) {
    }

    public record Link(String id, List<String> feedbackIds, String clusterId) {
    }

    /** The pool: by priority (city-wide), by status, or by department; {@code cursor} from the previous page. */
    public record ListPool(String status, String department, Integer limit, String cursor) {
    }
}

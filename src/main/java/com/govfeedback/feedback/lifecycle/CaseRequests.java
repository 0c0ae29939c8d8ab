package com.govfeedback.feedback.lifecycle;

/** The bodies of the lifecycle operations, as the API receives them. {@code version} is the version the caller read. */
public final class CaseRequests {
    private CaseRequests() {
    }

    public record Acknowledge(String id, String publicNote, Long version) {
    }

    /** @param targetQuarter required when {@code to} is DEFERRED, e.g. {@code 2027Q1} */
    public record Transition(String id, String to, String publicNote, String internalNote, String targetQuarter, Long version) {
    }

    public record Transfer(String id, String department, String reason, String internalNote, Long version) {
    }

    /**
     * Merges the duplicate {@code id} into the original {@code into}. {@code reason}: why, when the original is of another
     * business domain and another similar-feedback cluster (a supervisor's decision).
     */
    public record Merge(String id, String into, String publicNote, String internalNote, String reason, Long version) {
    }

    /** @param expectedBy the expected completion date, {@code yyyy-MM-dd} (Asia/Shanghai) */
    public record Assign(String id, String owner, String expectedBy, String publicNote, Long version) {
    }

    public record Reply(String id, String message, String internalNote, Long version) {
    }

    /** Confirms triage (the item leaves the manual triage queue), optionally with another colour or lead department. */
    public record Review(String id, String colour, String department, String note, Long version) {
    }

    public record Rate(String id, Integer score, String comment) {
    }

    public record Appeal(String id, String reason) {
    }

    /** Takes one's own unacknowledged feedback back; the reason is optional. */
    public record Withdraw(String id, String reason) {
    }

    /** Answers a request for more information (补充材料) while the case awaits the citizen. */
    public record Supplement(String id, String text) {
    }

    /**
     * The outcome of one 回访 call: {@code reached} the citizen or not; when reached, {@code satisfied} or not.
     *
     * @param note an internal note for staff
     */
    public record FollowUpCall(String id, Boolean reached, Boolean satisfied, String note, Long version) {
    }

    /** @param decision UPHOLD (the decision stands: CLOSED) or REOPEN (REOPENED, new deadlines) */
    public record DecideAppeal(String id, String decision, String note, Long version) {
    }

    /**
     * A page of a work queue. Staff get their own department's queue; supervisors and admins name a {@code department},
     * or ask for the manual triage queue with {@code review = true}.
     */
    public record QueueRequest(String department, Boolean review, String status, String colour, Integer limit, String cursor) {
    }

    /**
     * A page of a copy queue (抄送队列): the open cases copied to a department, nearest deadline first. Staff get their own
     * department's; supervisors and admins name a {@code department}.
     */
    public record CopyQueueRequest(String department, Integer limit, String cursor) {
    }
}

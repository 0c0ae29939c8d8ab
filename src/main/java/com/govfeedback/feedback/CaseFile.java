package com.govfeedback.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lifecycle adds to a stored feedback: its history and the current assignment, rating, appeal, follow-up
 * and merge facts. Immutable; changed through its withers. Kept small: notes are length-capped, internal notes are
 * kept only on the latest entries ({@link LifecyclePolicy#internalNotesKept()}), followers are capped while their count
 * stays exact.
 *
 * @param history       every transition, reply, assignment, transfer, merge, rating and appeal, oldest first
 * @param assignment    who owns the work and when the citizen may expect it done; null until assigned
 * @param rating        the citizen's rating of the current round; null while unrated (never counted as good)
 * @param followUp      the 回访 task a low rating opened; null when none
 * @param appeal        the citizen's appeal of the current round; null when none
 * @param targetQuarter the quarter a DEFERRED feedback is planned for ({@code 2027Q1}); null otherwise
 * @param deferral      when it entered DEFERRED and how many quarterly progress notices it got since; null otherwise
 * @param mergedInto    the feedback this one duplicates, once MERGED
 * @param mergedFrom    the duplicates merged into this one (makes re-driving a merge harmless)
 * @param meTooCount    citizens who said "me too", including merged duplicates' submitters
 * @param followers     citizens told about this feedback's progress besides its submitter (capped list)
 */
public record CaseFile(List<Step> history, Assignment assignment, Rating rating, FollowUp followUp, Appeal appeal,
        String targetQuarter, Deferral deferral, String mergedInto, List<String> mergedFrom, int meTooCount, List<String> followers) {

    public static final CaseFile EMPTY = new CaseFile(List.of(), null, null, null, null, null, null, null, List.of(), 0, List.of());

    public CaseFile {
        history = List.copyOf(history);
        mergedFrom = List.copyOf(mergedFrom);
        followers = List.copyOf(followers);
    }

    /**
     * One entry of the history.
     *
     * @param by           the acting subject (staff id, or the citizen's subject)
     * @param publicNote   what the citizen reads
     * @param internalNote for staff and supervisors only; null when none or trimmed away
     */
    public record Step(CaseAction action, Status from, Status to, String by, Instant at, String publicNote, String internalNote) {
        Step withoutInternalNote() {
            return new Step(action, from, to, by, at, publicNote, null);
        }
    }

    /** @param owner the staff member owning the work; {@code expectedBy} is shown to the citizen */
    public record Assignment(String owner, LocalDate expectedBy, String by, Instant at) {
    }

    /** @param round the SLA round rated (a reopened case may be rated again) */
    public record Rating(int score, String comment, Instant at, int round) {
    }

    /**
     * The 回访 task a low rating opens for the department, due at {@code dueAt}; {@code overdueNoticed} once the sweep has
     * told the department it is overdue (once per due time: the item then leaves the due index for it). Staff record each
     * call: reaching the citizen closes it with their verdict; an unanswered call sets a new due time, until the policy's
     * last attempt closes it as unreachable. A case that moves on closes it too (no outcome).
     *
     * @param unansweredCalls calls that did not reach the citizen
     * @param outcome         SATISFIED, UNSATISFIED or UNREACHABLE once recorded; null while open or when the case moved on
     */
    public record FollowUp(Instant openedAt, Instant dueAt, Instant closedAt, boolean overdueNoticed, int unansweredCalls, String outcome) {
        public static final String SATISFIED = "SATISFIED";
        public static final String UNSATISFIED = "UNSATISFIED";
        public static final String UNREACHABLE = "UNREACHABLE";

        public static FollowUp opened(Instant at, Instant dueAt) {
            return new FollowUp(at, dueAt, null, false, 0, null);
        }

        public boolean isOpen() {
            return closedAt == null;
        }

        public FollowUp noticedOverdue() {
            return new FollowUp(openedAt, dueAt, closedAt, true, unansweredCalls, outcome);
        }

        public FollowUp closed(Instant at, String result) {
            return new FollowUp(openedAt, dueAt, at, overdueNoticed, unansweredCalls, result);
        }

        /** One more call that did not reach the citizen; the next is due at {@code retryBy}. */
        public FollowUp unanswered(Instant retryBy) {
            return new FollowUp(openedAt, retryBy, null, false, unansweredCalls + 1, null);
        }
    }

    /**
     * A stay in DEFERRED: the sweep sends the citizen the n-th progress notice n quarters after {@code since}
     * ({@link com.govfeedback.sla.SlaTimers#deferredNoticeAt}); {@code noticesSent} says how many went out.
     */
    public record Deferral(Instant since, int noticesSent) {
        /** The same stay with one more notice sent. */
        public Deferral noticed() {
            return new Deferral(since, noticesSent + 1);
        }
    }

    /** @param decision null while waiting for a supervisor */
    public record Appeal(String reason, Instant at, int round, AppealDecision decision, String note, String decidedBy, Instant decidedAt) {
    }

    /** The history with one more entry, internal notes dropped from all but the latest {@code internalNotesKept}. */
    public CaseFile withStep(Step step, int internalNotesKept) {
        List<Step> next = new ArrayList<>(history);
        next.add(step);
        for (int i = 0; i < next.size() - internalNotesKept; i++) {
            if (next.get(i).internalNote() != null) {
                next.set(i, next.get(i).withoutInternalNote());
            }
        }
        return new CaseFile(next, assignment, rating, followUp, appeal, targetQuarter, deferral, mergedInto, mergedFrom,
                meTooCount, followers);
    }

    public CaseFile withAssignment(Assignment next) {
        return new CaseFile(history, next, rating, followUp, appeal, targetQuarter, deferral, mergedInto, mergedFrom,
                meTooCount, followers);
    }

    public CaseFile withRating(Rating next, FollowUp nextFollowUp) {
        return new CaseFile(history, assignment, next, nextFollowUp, appeal, targetQuarter, deferral, mergedInto, mergedFrom,
                meTooCount, followers);
    }

    public CaseFile withFollowUp(FollowUp next) {
        return new CaseFile(history, assignment, rating, next, appeal, targetQuarter, deferral, mergedInto, mergedFrom,
                meTooCount, followers);
    }

    public CaseFile withAppeal(Appeal next) {
        return new CaseFile(history, assignment, rating, followUp, next, targetQuarter, deferral, mergedInto, mergedFrom,
                meTooCount, followers);
    }

    public CaseFile withTargetQuarter(String next) {
        return new CaseFile(history, assignment, rating, followUp, appeal, next, deferral, mergedInto, mergedFrom, meTooCount, followers);
    }

    /** The case file with another DEFERRED stay (null when the feedback leaves DEFERRED); public for the sweep. */
    public CaseFile withDeferral(Deferral next) {
        return new CaseFile(history, assignment, rating, followUp, appeal, targetQuarter, next, mergedInto, mergedFrom,
                meTooCount, followers);
    }

    public CaseFile withMergedInto(String original) {
        return new CaseFile(history, assignment, rating, followUp, appeal, targetQuarter, deferral, original, mergedFrom,
                meTooCount, followers);
    }

    /** This feedback absorbs a duplicate: its submitter and followers follow this one, its "me too" count adds up. */
    public CaseFile withMergedDuplicate(String duplicateId, String duplicateCitizen, CaseFile duplicate, int followersKept) {
        List<String> from = new ArrayList<>(mergedFrom);
        from.add(duplicateId);
        List<String> nextFollowers = new ArrayList<>(followers);
        for (String citizen : concat(duplicateCitizen, duplicate.followers())) {
            if (nextFollowers.size() < followersKept && !nextFollowers.contains(citizen)) {
                nextFollowers.add(citizen);
            }
        }
        return new CaseFile(history, assignment, rating, followUp, appeal, targetQuarter, deferral, mergedInto, from,
                meTooCount + 1 + duplicate.meTooCount(), nextFollowers);
    }

    /** The 回访 follow-up, if one is open, done at {@code at}: the case moved on (closed or reopened). */
    public CaseFile closeFollowUp(Instant at) {
        if (followUp == null || followUp.closedAt() != null) {
            return this;
        }
        return withFollowUp(followUp.closed(at, null));
    }

    /** When the feedback last entered {@code status}, if it did. */
    public Instant lastEntered(Status status) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == status && history.get(i).from() != status) {
                return history.get(i).at();
            }
        }
        return null;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}

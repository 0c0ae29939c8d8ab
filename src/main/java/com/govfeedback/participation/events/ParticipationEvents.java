package com.govfeedback.participation.events;

import java.time.Instant;
import java.util.Map;

import com.govfeedback.participation.ideas.GoldenIdeas;
import com.govfeedback.participation.ledger.Ledger;
import com.govfeedback.participation.ledger.LedgerEntry;
import com.govfeedback.participation.rewards.Redemptions;
import com.govfeedback.participation.store.ParticipationTrail;

/**
 * What other features tell participation, each keyed by its cause so that a retry, a replayed stream record or two
 * workers at once pay once. Outcomes that earn nothing (feedback rejected, merged as a duplicate, marked spam) have no
 * method on purpose: only an outcome staff confirm pays, so volume earns nothing.
 */
public final class ParticipationEvents {
    public static final String FEEDBACK_ACCEPTED = "FEEDBACK_ACCEPTED";
    public static final String BUG_CONFIRMED = "BUG_CONFIRMED";

    private final Ledger ledger;
    private final GoldenIdeas ideas;
    private final Redemptions redemptions;
    private final ParticipationTrail trail;

    public ParticipationEvents(Ledger ledger, GoldenIdeas ideas, Redemptions redemptions, ParticipationTrail trail) {
        this.ledger = ledger;
        this.ideas = ideas;
        this.redemptions = redemptions;
        this.trail = trail;
    }

    /** A citizen's feedback was accepted into an improvement (需求): pays FEEDBACK_ACCEPTED once per feedback and improvement. */
    public LedgerEntry feedbackAccepted(String feedbackId, String improvementId, String citizen) {
        return ledger.award("feedback:" + feedbackId + ":improvement:" + improvementId, citizen, FEEDBACK_ACCEPTED);
    }

    /**
     * Staff confirmed a citizen's bug report: the citizen is told who confirmed it (the audit trail keeps the staff member)
     * and BUG_CONFIRMED is paid, each once per feedback.
     */
    public LedgerEntry bugConfirmed(String feedbackId, String citizen, String confirmedBy) {
        String cause = "bug:" + feedbackId;
        LedgerEntry paid = ledger.award(cause, citizen, BUG_CONFIRMED);
        // keyed by the entry's time, fixed at the first attempt, so a repeat records nothing new
        trail.record(new ParticipationTrail.Event(citizen, BUG_CONFIRMED, cause, paid.createdAt(), confirmedBy, Map.of()));
        return paid;
    }

    /**
     * The improvement that adopted a citizen's suggestion was RELEASED: the 金点子 is listed (named only where the
     * citizen's profile consents) and GOLDEN_IDEA_ADOPTED is paid once per improvement.
     */
    public GoldenIdeas.Idea improvementReleased(String improvementId, String contributor, String title, Instant releasedAt) {
        return ideas.adopted(improvementId, contributor, title, releasedAt);
    }

    /** For the sweep: finishes awards and redemptions a crash left unfinished before {@code before}; the number driven. */
    public int redrive(Instant before, int max) {
        return ledger.redrive(before, max) + redemptions.redrive(before, max);
    }
}

package com.govfeedback.participation.events;

import java.time.Instant;

import com.govfeedback.participation.ideas.GoldenIdeas;
import com.govfeedback.participation.ledger.Ledger;
import com.govfeedback.participation.ledger.LedgerEntry;
import com.govfeedback.participation.rewards.Redemptions;

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

    public ParticipationEvents(Ledger ledger, GoldenIdeas ideas, Redemptions redemptions) {
        this.ledger = ledger;
        this.ideas = ideas;
        this.redemptions = redemptions;
    }

    /** A citizen's feedback was accepted into an improvement (需求): pays FEEDBACK_ACCEPTED once per feedback and improvement. */
    public LedgerEntry feedbackAccepted(String feedbackId, String improvementId, String citizen) {
        return ledger.award("feedback:" + feedbackId + ":improvement:" + improvementId, citizen, FEEDBACK_ACCEPTED);
    }

    /** A citizen's bug report was confirmed by staff: pays BUG_CONFIRMED once per feedback. */
    public LedgerEntry bugConfirmed(String feedbackId, String citizen) {
        return ledger.award("bug:" + feedbackId, citizen, BUG_CONFIRMED);
    }

    /**
     * The improvement that adopted a citizen's suggestion was RELEASED: the 金点子 is listed (named only with consent) and
     * GOLDEN_IDEA_ADOPTED is paid once per improvement.
     */
    public GoldenIdeas.Idea improvementReleased(String improvementId, String contributor, String title, boolean namedWithConsent, Instant releasedAt) {
        return ideas.adopted(improvementId, contributor, title, namedWithConsent, releasedAt);
    }

    /** For the sweep: finishes awards and redemptions a crash left unfinished before {@code before}; the number driven. */
    public int redrive(Instant before, int max) {
        return ledger.redrive(before, max) + redemptions.redrive(before, max);
    }
}

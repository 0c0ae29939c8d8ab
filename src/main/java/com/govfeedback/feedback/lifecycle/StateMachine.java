package com.govfeedback.feedback.lifecycle;

import static com.govfeedback.feedback.Status.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.govfeedback.feedback.Status;
import com.govfeedback.shared.TransitionRefusedException;

/**
 * The moves staff may make with {@code feedback/transition}, as one table. MERGED is reached only by merging and
 * REOPENED only by an appeal decision or after a "not fixed" rating; WITHDRAWN only by the citizen; CLOSED, MERGED and
 * WITHDRAWN are final.
 */
public final class StateMachine {
    private static final Map<Status, Set<Status>> MOVES = new EnumMap<>(Status.class);

    static {
        MOVES.put(SUBMITTED, EnumSet.of(ACCEPTED, AWAITING_CITIZEN, REJECTED));
        MOVES.put(ACCEPTED, EnumSet.of(IN_PROGRESS, AWAITING_CITIZEN, REJECTED, DEFERRED));
        MOVES.put(IN_PROGRESS, EnumSet.of(IN_DEVELOPMENT, AWAITING_CITIZEN, RESOLVED, REJECTED, DEFERRED));
        MOVES.put(IN_DEVELOPMENT, EnumSet.of(IN_TESTING, AWAITING_CITIZEN, DEFERRED));
        MOVES.put(IN_TESTING, EnumSet.of(RELEASED, IN_DEVELOPMENT));
        MOVES.put(RELEASED, EnumSet.of(RESOLVED, IN_DEVELOPMENT));
        MOVES.put(RESOLVED, EnumSet.of(CLOSED, REOPENED));
        MOVES.put(AWAITING_CITIZEN, EnumSet.of(ACCEPTED, IN_PROGRESS, IN_DEVELOPMENT, RESOLVED, REJECTED));
        MOVES.put(REJECTED, EnumSet.of(CLOSED));
        MOVES.put(DEFERRED, EnumSet.of(IN_PROGRESS, IN_DEVELOPMENT, REJECTED));
        MOVES.put(REOPENED, EnumSet.of(ACCEPTED, IN_PROGRESS, AWAITING_CITIZEN, RESOLVED, REJECTED));
        MOVES.put(CLOSED, EnumSet.noneOf(Status.class));
        MOVES.put(MERGED, EnumSet.noneOf(Status.class));
        MOVES.put(WITHDRAWN, EnumSet.noneOf(Status.class));
    }

    /** Statuses that end the work: the resolve clock stops on entering them. */
    static final Set<Status> DECIDED = EnumSet.of(RESOLVED, REJECTED, DEFERRED, MERGED);
    /** Statuses a duplicate may be merged from: not yet decided. */
    static final Set<Status> MERGEABLE = EnumSet.of(SUBMITTED, ACCEPTED, IN_PROGRESS, AWAITING_CITIZEN, REOPENED);

    private StateMachine() {
    }

    public static Set<Status> allowedFrom(Status from) {
        return MOVES.get(from);
    }

    /** Refuses a move the table does not hold, listing the ones it does. */
    public static void requireAllowed(Status from, Status to) {
        if (!MOVES.get(from).contains(to)) {
            List<String> allowed = MOVES.get(from).stream().map(Status::name).toList();
            throw new TransitionRefusedException(from + " (" + from.chineseName() + ") cannot move to " + to + " ("
                    + to.chineseName() + "); allowed: " + (allowed.isEmpty() ? "none, it is final" : String.join(", ", allowed)), allowed);
        }
    }
}

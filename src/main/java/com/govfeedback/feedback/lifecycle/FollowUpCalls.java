package com.govfeedback.feedback.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.govfeedback.auth.Caller;
import com.govfeedback.feedback.CaseAction;
import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.CaseFile.FollowUp;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.access.CaseAccess;
import com.govfeedback.feedback.lifecycle.CaseTexts.Text;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.view.FeedbackView;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.ValidationException;

/**
 * The 回访 call after a bad rating, as the lead department records it: reaching the citizen closes the follow-up with
 * their verdict (satisfied or not); an unanswered call sets the next due time ({@code followUpRetryHours}) until the
 * policy's last attempt ({@code followUpCallAttempts}) closes it as unreachable. The step goes into the history with an
 * internal note only: the citizen's view does not show staff's call log.
 */
public final class FollowUpCalls {
    private final CaseAccess access;
    private final RequestRules rules;
    private final CaseWriter writer;
    private final CaseTexts texts;
    private final LifecyclePolicy policy;
    private final Clock clock;
    private final FeedbackViews views;

    public FollowUpCalls(FeedbackRepository repository, FeedbackClocks clocks, FeedbackViews views, LifecyclePolicy policy, RequestRules rules,
            CaseTexts texts, Clock clock) {
        this.access = new CaseAccess(repository);
        this.rules = rules;
        this.writer = new CaseWriter(repository, clocks, policy);
        this.texts = texts;
        this.policy = policy;
        this.clock = clock;
        this.views = views;
    }

    /** 422 without {@code reached} (or {@code satisfied} when reached), 409 when no follow-up is open. */
    public FeedbackView record(Caller caller, CaseRequests.FollowUpCall request) {
        Feedback f = access.loadForLead(caller, request.id(), "record a follow-up call on");
        RequestRules.requireVersion(f, request.version());
        if (request.reached() == null) {
            throw new ValidationException("reached", "is required: whether the call reached the citizen");
        }
        if (request.reached() && request.satisfied() == null) {
            throw new ValidationException("satisfied", "is required when the citizen was reached");
        }
        String note = rules.internalNote(request.note());
        FollowUp open = f.caseFile().followUp();
        if (open == null || !open.isOpen()) {
            throw new ConflictException("feedback " + f.id() + " has no open follow-up (回访)");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        FollowUp next;
        String step;
        if (request.reached()) {
            boolean satisfied = request.satisfied();
            next = open.closed(now, satisfied ? FollowUp.SATISFIED : FollowUp.UNSATISFIED);
            step = texts.text(satisfied ? Text.FOLLOW_UP_SATISFIED : Text.FOLLOW_UP_UNSATISFIED);
        } else if (open.unansweredCalls() + 1 >= policy.followUpCallAttempts()) {
            next = open.unanswered(open.dueAt()).closed(now, FollowUp.UNREACHABLE);
            step = texts.text(Text.FOLLOW_UP_UNREACHABLE, Map.of("attempt", Integer.toString(open.unansweredCalls() + 1)));
        } else {
            next = open.unanswered(now.plus(policy.followUpRetry()));
            step = texts.text(Text.FOLLOW_UP_RETRY, Map.of("attempt", Integer.toString(open.unansweredCalls() + 1), "retryAt",
                    next.dueAt().toString()));
        }
        String internal = note == null ? step : step + "。" + note;
        CaseFile file = f.caseFile().withFollowUp(next);
        Feedback changed = writer.step(f.withCaseFile(file), f.status(), CaseAction.FOLLOW_UP, caller, now, null, internal);
        return views.of(caller, writer.write(caller, changed, f.sla(), now));
    }
}

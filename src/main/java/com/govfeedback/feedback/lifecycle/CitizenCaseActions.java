package com.govfeedback.feedback.lifecycle;

import static com.govfeedback.feedback.Status.ACCEPTED;
import static com.govfeedback.feedback.Status.AWAITING_CITIZEN;
import static com.govfeedback.feedback.Status.SUBMITTED;
import static com.govfeedback.feedback.Status.WITHDRAWN;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.CaseAction;
import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.access.CaseAccess;
import com.govfeedback.feedback.lifecycle.CaseTexts.Text;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.view.FeedbackView;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.sla.ClockKind;
import com.govfeedback.sla.SlaState;

/**
 * What a citizen does to their own case besides rating and appealing: withdraw it (撤回) before any department has
 * acknowledged it, and answer a request for more information (补充材料), which resumes the paused clock. Each is one
 * conditional write on the version read, with the department's notification in the same write; repeating a request whose
 * answer was lost answers the case as it now stands.
 */
public final class CitizenCaseActions {
    private final FeedbackClocks clocks;
    private final CaseAccess access;
    private final RequestRules rules;
    private final CaseWriter writer;
    private final CaseTexts texts;
    private final Clock clock;
    private final FeedbackViews views;

    public CitizenCaseActions(FeedbackRepository repository, FeedbackClocks clocks, FeedbackViews views, LifecyclePolicy policy,
            RequestRules rules, CaseTexts texts, Clock clock) {
        this.clocks = clocks;
        this.views = views;
        this.access = new CaseAccess(repository);
        this.rules = rules;
        this.writer = new CaseWriter(repository, clocks, policy);
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * Takes the feedback back while it is SUBMITTED and unacknowledged: it becomes WITHDRAWN (final), its clocks stop and
     * it leaves the queues; the lead department is told. The dashboard counts it as withdrawn, never as handled in time.
     */
    public FeedbackView withdraw(Caller caller, CaseRequests.Withdraw request) {
        caller.require(Role.CITIZEN, "withdrawing feedback");
        Feedback f = access.load(caller, request.id());
        if (f.status() == WITHDRAWN) {
            return views.of(caller, f); // a retry after a lost answer
        }
        boolean acknowledged = f.sla().clock(ClockKind.ACKNOWLEDGE).map(c -> !c.isRunning()).orElse(true);
        if (f.status() != SUBMITTED || acknowledged) {
            throw new ConflictException("only feedback no department has acknowledged yet can be withdrawn; this one is " + f.status() + " ("
                    + f.status().chineseName() + ")");
        }
        String reason = rules.comment(request.reason());
        Instant now = now();
        SlaState sla = clocks.sla().resolve(f.sla(), now);
        String note = reason == null ? texts.text(Text.WITHDRAWN) : texts.text(Text.WITHDRAWN_WITH_REASON, Map.of("reason", reason));
        Feedback changed = writer.step(f, WITHDRAWN, CaseAction.WITHDRAW, caller, now, note, null).withStatus(WITHDRAWN);
        CaseNotices notices = new CaseNotices(f, changed, now);
        notices.add(NotificationEvent.WITHDRAWN, notices.worker(), Map.of("note", reason == null ? "" : reason));
        return views.of(caller, writer.write(caller, notices.written(), sla, now));
    }

    /**
     * Answers a request for more information while the case awaits the citizen: the case goes back to where it was
     * before it waited (ACCEPTED when unknown), the paused clock resumes, and whoever works it is told.
     */
    public FeedbackView supplement(Caller caller, CaseRequests.Supplement request) {
        caller.require(Role.CITIZEN, "supplementing feedback");
        Feedback f = access.load(caller, request.id());
        String text = rules.publicNote(request.text(), "text", null);
        String note = texts.text(Text.SUPPLEMENTED, Map.of("text", text));
        if (isLastStep(f, CaseAction.SUPPLEMENT, note)) {
            return views.of(caller, f); // a retry after a lost answer
        }
        if (f.status() != AWAITING_CITIZEN) {
            throw new ConflictException("the department is not waiting for more information; this feedback is " + f.status() + " ("
                    + f.status().chineseName() + ")");
        }
        Instant now = now();
        Status back = statusBeforeWaiting(f.caseFile());
        SlaState sla = f.sla().openPause().isPresent() ? clocks.sla().resume(f.sla(), now) : f.sla();
        Feedback changed = writer.step(f, back, CaseAction.SUPPLEMENT, caller, now, note, null).withStatus(back);
        CaseNotices notices = new CaseNotices(f, changed, now);
        notices.add(NotificationEvent.SUPPLEMENTED, notices.worker(), Map.of("note", text));
        return views.of(caller, writer.write(caller, notices.written(), sla, now));
    }

    private static boolean isLastStep(Feedback f, CaseAction action, String publicNote) {
        var history = f.caseFile().history();
        CaseFile.Step last = history.isEmpty() ? null : history.get(history.size() - 1);
        return last != null && last.action() == action && publicNote.equals(last.publicNote());
    }

    /** Where the case was when staff asked for more information: the last step into AWAITING_CITIZEN came from it. */
    private static Status statusBeforeWaiting(CaseFile file) {
        for (int i = file.history().size() - 1; i >= 0; i--) {
            CaseFile.Step step = file.history().get(i);
            if (step.to() == AWAITING_CITIZEN && step.from() != AWAITING_CITIZEN) {
                return StateMachine.allowedFrom(AWAITING_CITIZEN).contains(step.from()) ? step.from() : ACCEPTED;
            }
        }
        return ACCEPTED;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

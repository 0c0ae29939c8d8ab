package com.govfeedback.feedback.lifecycle;

import static com.govfeedback.feedback.Status.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.AppealDecision;
import com.govfeedback.feedback.CaseAction;
import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.CaseFile.Step;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.access.CaseAccess;
import com.govfeedback.feedback.intake.FeedbackService;
import com.govfeedback.feedback.lifecycle.CaseTexts.Text;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.view.CaseView;
import com.govfeedback.feedback.view.FeedbackView;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.notify.NotificationEvent;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.NotFoundException;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.sla.ClockKind;
import com.govfeedback.sla.Colour;
import com.govfeedback.sla.SlaClocks;
import com.govfeedback.sla.SlaState;
import com.govfeedback.triage.TriageResult;

/**
 * The case lifecycle: staff work a feedback through its states, citizens rate and appeal it. Each operation is one
 * conditional write of the item on the version read (a stale request is a 409), carrying its history entry and the
 * notifications it causes in the same write. Staff act only on feedback their department leads or is copied on (else
 * 404, as if it did not exist); supervisors see every case but act on their department's like its staff, and decide
 * appeals and triage for it ({@link CaseAccess}); admins act on any; citizens only rate and appeal their own.
 */
public final class CaseService {
    /** What a citizen may appeal: a decision on their case (a merge decides that it is another's duplicate). */
    private static final Set<Status> APPEALABLE = EnumSet.of(RESOLVED, REJECTED, CLOSED, MERGED);

    private final FeedbackClocks clocks;
    private final LifecyclePolicy policy;
    private final CaseAccess access;
    private final RequestRules rules;
    private final CaseWriter writer;
    private final CaseTexts texts;
    private final Clock clock;
    private final FeedbackViews views;

    public CaseService(FeedbackRepository repository, FeedbackClocks clocks, FeedbackViews views, LifecyclePolicy policy,
            RequestRules rules, CaseTexts texts, Clock clock) {
        this.clocks = clocks;
        this.views = views;
        this.policy = policy;
        this.access = new CaseAccess(repository);
        this.rules = rules;
        this.writer = new CaseWriter(repository, clocks, policy);
        this.texts = texts;
        this.clock = clock;
    }

    /** The first staff response: stops the acknowledge clock; a new or reopened feedback becomes ACCEPTED. */
    public FeedbackView acknowledge(Caller caller, CaseRequests.Acknowledge request) {
        Feedback f = access.loadForStaff(caller, request.id());
        RequestRules.requireVersion(f, request.version());
        Instant now = now();
        boolean accepts = f.status() == SUBMITTED || f.status() == REOPENED;
        boolean clockRunning = f.sla().clock(ClockKind.ACKNOWLEDGE).orElseThrow().isRunning();
        if (!accepts && !clockRunning) {
            return views.of(caller, f);
        }
        String note = rules.publicNote(request.publicNote(), "publicNote", texts.text(accepts ? Text.ACKNOWLEDGED : Text.RECEIVED));
        Status to = accepts ? ACCEPTED : f.status();
        Feedback changed = writer.step(f, to, CaseAction.ACKNOWLEDGE, caller, now, note, null).withStatus(to);
        CaseNotices notices = new CaseNotices(f, changed, now);
        if (accepts) {
            notices.add(NotificationEvent.STATUS_CHANGED, notices.citizens(true), Map.of("note", note));
        }
        return save(caller, notices.written(), clocks.sla().acknowledge(f.sla(), now), now);
    }

    /** A move of the state machine, with a public note for the citizen and an optional internal note. */
    public FeedbackView transition(Caller caller, CaseRequests.Transition request) {
        Feedback f = access.loadForLead(caller, request.id(), "change the status of");
        Status to = RequestRules.parse(Status.class, request.to(), "to");
        RequestRules.requireVersion(f, request.version());
        Instant now = now();
        StateMachine.requireAllowed(f.status(), to);
        String publicNote = rules.publicNote(request.publicNote(), "publicNote", null);
        String internalNote = rules.internalNote(request.internalNote());
        if (to == REOPENED && !ratedNotFixed(f)) {
            throw new ConflictException("a resolved feedback is reopened by staff only after the citizen rated it "
                    + policy.followUpAtOrBelowScore() + " or lower (not fixed); otherwise through an appeal");
        }
        CaseFile file = f.caseFile();
        if (to == DEFERRED) {
            file = file.withTargetQuarter(rules.targetQuarter(request.targetQuarter(), now)).withDeferral(new CaseFile.Deferral(now, 0));
        } else if (f.status() == DEFERRED) {
            file = file.withTargetQuarter(null).withDeferral(null);
        }
        if (f.status() == RESOLVED) {
            file = file.closeFollowUp(now);
        }
        SlaState sla = ClockChanges.afterMove(clocks.sla(), f, to, publicNote, now);
        Feedback changed = writer.step(f.withCaseFile(file), to, CaseAction.TRANSITION, caller, now, publicNote, internalNote).withStatus(to);
        CaseNotices notices = new CaseNotices(f, changed, now);
        notices.add(NotificationEvent.STATUS_CHANGED, notices.citizens(true), Map.of("note", publicNote));
        if (to == REOPENED) {
            notices.add(NotificationEvent.STATUS_CHANGED, notices.worker(), Map.of("note", publicNote));
        }
        return save(caller, notices.written(), sla, now);
    }

    /** To another department, with a reason; the clocks run on untouched ({@link SlaClocks#transfer}). */
    public FeedbackView transfer(Caller caller, CaseRequests.Transfer request) {
        Feedback f = access.loadForLead(caller, request.id(), "transfer");
        RequestRules.requireVersion(f, request.version());
        String target = rules.department(request.department(), "department");
        if (target.equals(f.triage().department())) {
            throw new ConflictException("the feedback is already with " + target);
        }
        RequestRules.requireOpen(f, "transferred");
        String reason = rules.publicNote(request.reason(), "reason", null);
        Instant now = now();
        TriageResult routed = routedTo(f.triage(), target, f.triage().colour(), f.triage().needsReview());
        Feedback changed = writer.step(f.withTriage(routed), f.status(), CaseAction.TRANSFER, caller, now,
                texts.text(Text.TRANSFERRED, Map.of("department", target, "reason", reason)), rules.internalNote(request.internalNote()));
        CaseNotices notices = new CaseNotices(f, changed, now);
        notices.add(NotificationEvent.TRANSFERRED, CaseNotices.department(target), Map.of("department", target, "note", reason));
        notices.add(NotificationEvent.TRANSFERRED, notices.citizens(false), Map.of("department", target, "note", reason));
        return save(caller, notices.written(), clocks.sla().transfer(f.sla()), now);
    }

    /** Names the owner and the expected completion date; both are shown to the citizen. */
    public FeedbackView assign(Caller caller, CaseRequests.Assign request) {
        Feedback f = access.loadForLead(caller, request.id(), "assign");
        RequestRules.requireVersion(f, request.version());
        RequestRules.requireOpen(f, "assigned");
        String owner = RequestRules.owner(request.owner());
        Instant now = now();
        LocalDate expectedBy = rules.expectedBy(request.expectedBy(), now);
        String note = rules.publicNote(request.publicNote(), "publicNote",
                texts.text(Text.ASSIGNED, Map.of("owner", owner, "expectedBy", expectedBy.toString())));
        CaseFile file = f.caseFile().withAssignment(new CaseFile.Assignment(owner, expectedBy, caller.subject(), now));
        Feedback changed = writer.step(f.withCaseFile(file), f.status(), CaseAction.ASSIGN, caller, now, note, null);
        CaseNotices notices = new CaseNotices(f, changed, now);
        Map<String, String> params = Map.of("owner", owner, "expectedBy", expectedBy.toString(), "note", note);
        notices.add(NotificationEvent.ASSIGNED, notices.citizens(false), params);
        notices.add(NotificationEvent.ASSIGNED, CaseNotices.assignee(owner), params);
        return save(caller, notices.written(), f.sla(), now);
    }

    /** A public message to the citizen without a state change; the first one also stops the acknowledge clock. */
    public FeedbackView reply(Caller caller, CaseRequests.Reply request) {
        Feedback f = access.loadForStaff(caller, request.id());
        RequestRules.requireVersion(f, request.version());
        RequestRules.requireOpen(f, "replied to");
        String message = rules.publicNote(request.message(), "message", null);
        Instant now = now();
        Feedback changed = writer.step(f, f.status(), CaseAction.REPLY, caller, now, message, rules.internalNote(request.internalNote()));
        CaseNotices notices = new CaseNotices(f, changed, now);
        notices.add(NotificationEvent.REPLIED, notices.citizens(false), Map.of("note", message));
        return save(caller, notices.written(), clocks.sla().acknowledge(f.sla(), now), now);
    }

    /**
     * Confirms or corrects triage: the item leaves the manual triage queue. A more urgent colour shortens the running
     * deadlines at once; a less urgent one, confirming a review-queue item and re-routing are for the supervisors who decide
     * the case ({@link CaseAccess#decides}; 403 for others).
     */
    public FeedbackView review(Caller caller, CaseRequests.Review request) {
        Feedback f = access.loadForReview(caller, request.id());
        RequestRules.requireVersion(f, request.version());
        boolean supervisor = CaseAccess.decides(caller, f);
        Colour colour = request.colour() == null ? f.sla().colour() : RequestRules.parse(Colour.class, request.colour(), "colour");
        String target = request.department() == null ? f.triage().department() : rules.department(request.department(), "department");
        if (!supervisor && (f.triage().needsReview() || !target.equals(f.triage().department()))) {
            throw new ForbiddenException("confirming triage, lowering urgency and re-routing are for a supervisor of the lead department");
        }
        RequestRules.requireOpen(f, "re-triaged");
        SlaState sla = clocks.sla().retriage(f.sla(), colour, supervisor);
        Instant now = now();
        String note = rules.internalNote(request.note());
        Map<String, String> retriage = new java.util.HashMap<>(Map.of("fromColour", f.triage().colour().name(), "toColour", colour.name(),
                "fromDepartment", f.triage().department(), "toDepartment", target));
        if (note != null) {
            retriage.put("note", note);
        }
        Feedback changed = writer.step(f.withTriage(routedTo(f.triage(), target, colour, false)), f.status(), CaseAction.RETRIAGE, caller,
                now, null, texts.text(note == null ? Text.RETRIAGED : Text.RETRIAGED_WITH_NOTE, retriage));
        CaseNotices notices = new CaseNotices(f, changed, now);
        if (!target.equals(f.triage().department())) {
            notices.add(NotificationEvent.TRANSFERRED, CaseNotices.department(target), Map.of("department", target, "note", texts.text(Text.RETRIAGE_TRANSFER)));
        }
        return save(caller, notices.written(), sla, now);
    }

    /**
     * The citizen rates the resolution of this round within {@link LifecyclePolicy#rateWithin()} of it, also when staff
     * have closed the case since; a low score opens a 回访 follow-up for the department with its own deadline.
     */
    public FeedbackView rate(Caller caller, CaseRequests.Rate request) {
        caller.require(Role.CITIZEN, "rating feedback");
        Feedback f = access.load(caller, request.id());
        Integer score = request.score();
        if (score == null || score < 1 || score > CaseView.SCORE_NAMES.size()) {
            throw new ValidationException("score", "must be 1 (非常不满意) to 5 (非常满意)");
        }
        String comment = rules.comment(request.comment());
        Instant resolvedAt = f.caseFile().lastEntered(RESOLVED);
        boolean resolvedThisRound = resolvedAt != null && !resolvedAt.isBefore(f.sla().roundStartedAt());
        if (!(f.status() == RESOLVED || f.status() == CLOSED) || !resolvedThisRound) {
            throw new ConflictException("only a resolved feedback can be rated; this one is " + f.status() + " (" + f.status().chineseName() + ")");
        }
        Instant now = now();
        Instant closesAt = resolvedAt.plus(policy.rateWithin());
        if (now.isAfter(closesAt)) {
            throw new ConflictException("the rating window closed at " + closesAt);
        }
        if (f.caseFile().rating() != null && f.caseFile().rating().round() == f.sla().round()) {
            throw new ConflictException("this resolution was already rated");
        }
        boolean notFixed = score <= policy.followUpAtOrBelowScore();
        CaseFile.FollowUp followUp = notFixed ? CaseFile.FollowUp.opened(now, now.plus(policy.followUpWithin())) : f.caseFile().followUp();
        CaseFile file = f.caseFile().withRating(new CaseFile.Rating(score, comment, now, f.sla().round()), followUp);
        Feedback changed = writer.step(f.withCaseFile(file), f.status(), CaseAction.RATE, caller, now, CaseView.SCORE_NAMES.get(score - 1), null);
        CaseNotices notices = new CaseNotices(f, changed, now);
        if (notFixed) {
            notices.add(NotificationEvent.FOLLOW_UP_OPENED, notices.worker(),
                    Map.of("score", score.toString(), "dueAt", followUp.dueAt().toString()));
        }
        return save(caller, notices.written(), f.sla(), now);
    }

    /**
     * The citizen appeals a resolution, a rejection or a merge into another case within {@link LifecyclePolicy#appealWithin()};
     * the 48-hour appeal clock starts.
     */
    public FeedbackView appeal(Caller caller, CaseRequests.Appeal request) {
        caller.require(Role.CITIZEN, "appealing");
        Feedback f = access.load(caller, request.id());
        String reason = rules.publicNote(request.reason(), "reason", null);
        if (!APPEALABLE.contains(f.status())) {
            throw new ConflictException("only a resolved, rejected or merged feedback can be appealed; this one is " + f.status());
        }
        Instant decided = latest(latest(f.caseFile().lastEntered(RESOLVED), f.caseFile().lastEntered(REJECTED)), f.caseFile().lastEntered(MERGED));
        Instant now = now();
        if (decided == null || now.isAfter(decided.plus(policy.appealWithin()))) {
            throw new ConflictException("the appeal window closed at " + (decided == null ? "its decision" : decided.plus(policy.appealWithin())));
        }
        SlaState sla = clocks.sla().openAppeal(f.sla(), now);
        CaseFile file = f.caseFile().withAppeal(new CaseFile.Appeal(reason, now, f.sla().round(), null, null, null, null));
        Feedback changed = writer.step(f.withCaseFile(file), f.status(), CaseAction.APPEAL, caller, now,
                texts.text(Text.APPEALED, Map.of("reason", reason)), null);
        CaseNotices notices = new CaseNotices(f, changed, now);
        notices.add(NotificationEvent.APPEAL_OPENED, CaseNotices.department(f.triage().department()), Map.of("note", reason));
        return save(caller, notices.written(), sla, now);
    }

    /**
     * A supervisor decides an open appeal: UPHOLD closes the feedback (a merged one stays MERGED), REOPEN starts a new
     * round (escalation level kept); a reopened duplicate is its own case again.
     */
    public FeedbackView decideAppeal(Caller caller, CaseRequests.DecideAppeal request) {
        CaseAccess.requireSupervisor(caller, "appeal decisions");
        Feedback f = access.loadForLead(caller, request.id(), "decide an appeal on");
        AppealDecision decision = RequestRules.parse(AppealDecision.class, request.decision(), "decision");
        RequestRules.requireVersion(f, request.version());
        String note = rules.publicNote(request.note(), "note", null);
        CaseFile.Appeal open = f.caseFile().appeal();
        if (open == null || open.decision() != null) {
            throw new ConflictException("there is no appeal waiting for a decision");
        }
        Instant now = now();
        SlaState sla = clocks.sla().decideAppeal(f.sla(), now);
        boolean reopen = decision == AppealDecision.REOPEN;
        Status to = reopen ? REOPENED : f.status() == MERGED ? MERGED : CLOSED;
        CaseFile file = f.caseFile().withAppeal(new CaseFile.Appeal(open.reason(), open.at(), open.round(), decision, note,
                caller.subject(), now)).closeFollowUp(now);
        if (reopen) {
            file = file.withMergedInto(null);
        }
        if (reopen) {
            sla = clocks.sla().reopen(sla, now);
        }
        Feedback changed = writer.step(f.withCaseFile(file), to, CaseAction.APPEAL_DECISION, caller, now, note, null).withStatus(to);
        CaseNotices notices = new CaseNotices(f, changed, now);
        Map<String, String> params = Map.of("decision", decision.name(), "decisionName",
                texts.text(reopen ? Text.APPEAL_REOPEN : Text.APPEAL_UPHOLD), "note", note);
        notices.add(NotificationEvent.APPEAL_DECIDED, notices.citizens(false), params);
        if (reopen) {
            notices.add(NotificationEvent.APPEAL_DECIDED, notices.worker(), params);
        }
        return save(caller, notices.written(), sla, now);
    }

    private boolean ratedNotFixed(Feedback f) {
        CaseFile.Rating rating = f.caseFile().rating();
        return rating != null && rating.round() == f.sla().round() && rating.score() <= policy.followUpAtOrBelowScore();
    }

    private FeedbackView save(Caller caller, Feedback changed, SlaState sla, Instant now) {
        return views.of(caller, writer.write(caller, changed, sla, now));
    }

    /** The triage decision routed to another lead department (no longer copied to it) and colour; {@code needsReview} as given. */
    private static TriageResult routedTo(TriageResult t, String department, Colour colour, boolean needsReview) {
        return new TriageResult(t.maskedText(), t.type(), colour, t.domain(), t.alsoDomains(), department,
                t.copiedDepartments().stream().filter(d -> !d.equals(department)).toList(), t.tags(), t.sentiment(), t.sentimentScore(),
                t.typeConfidence(), t.domainConfidence(), t.evidence(), needsReview);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

package com.govfeedback.feedback.lifecycle;

import static com.govfeedback.feedback.Status.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.CaseFile.Step;
import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.intake.FeedbackService;
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
 * 404, as if it did not exist); supervisors and admins on any; citizens only rate and appeal their own.
 */
public final class CaseService {
    private static final java.util.regex.Pattern OWNER = java.util.regex.Pattern.compile("[\\p{L}\\p{N} ._@-]{1,64}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    /** How often a merge re-reads the original when a concurrent change got in first. */
    private static final int MERGE_ATTEMPTS = 3;

    private final FeedbackRepository repository;
    private final FeedbackClocks clocks;
    private final LifecyclePolicy policy;
    private final Set<String> departments;
    private final Clock clock;
    private final FeedbackViews views;

    /** @param departments the department codes a feedback may be transferred to (the taxonomy's) */
    public CaseService(FeedbackRepository repository, FeedbackClocks clocks, FeedbackViews views, LifecyclePolicy policy,
            Set<String> departments, Clock clock) {
        this.repository = repository;
        this.clocks = clocks;
        this.views = views;
        this.policy = policy;
        this.departments = Set.copyOf(departments);
        this.clock = clock;
    }

    /** The first staff response: stops the acknowledge clock; a new or reopened feedback becomes ACCEPTED. */
    public FeedbackView acknowledge(Caller caller, CaseRequests.Acknowledge request) {
        Feedback f = staffLoad(caller, request.id());
        requireVersion(f, request.version());
        Instant now = now();
        boolean accepts = f.status() == SUBMITTED || f.status() == REOPENED;
        boolean clockRunning = f.sla().clock(ClockKind.ACKNOWLEDGE).orElseThrow().isRunning();
        if (!accepts && !clockRunning) {
            return views.of(caller, f);
        }
        String note = note(request.publicNote(), "publicNote", policy.publicNoteMaxChars(), accepts ? "已受理" : "已收到");
        Status to = accepts ? ACCEPTED : f.status();
        Feedback changed = step(f, to, "ACKNOWLEDGE", caller, now, note, null).withStatus(to);
        CaseNotices notices = new CaseNotices(f, changed, now);
        if (accepts) {
            notices.add(NotificationEvent.STATUS_CHANGED, notices.citizens(true), Map.of("note", note));
        }
        return save(caller, notices.written(), clocks.clocks().acknowledge(f.sla(), now), now);
    }

    /** A move of the state machine, with a public note for the citizen and an optional internal note. */
    public FeedbackView transition(Caller caller, CaseRequests.Transition request) {
        Status to = parseStatus(request.to());
        Feedback f = leadLoad(caller, request.id(), "change the status of");
        requireVersion(f, request.version());
        Instant now = now();
        StateMachine.requireAllowed(f.status(), to);
        String publicNote = note(request.publicNote(), "publicNote", policy.publicNoteMaxChars(), null);
        String internalNote = optionalNote(request.internalNote());
        if (to == REOPENED && !ratedNotFixed(f)) {
            throw new ConflictException("a resolved feedback is reopened by staff only after the citizen rated it "
                    + policy.followUpAtOrBelowScore() + " or lower (not fixed); otherwise through an appeal");
        }
        CaseFile file = f.caseFile();
        if (to == DEFERRED) {
            file = file.withTargetQuarter(targetQuarter(request.targetQuarter(), now)).withDeferral(new CaseFile.Deferral(now, 0));
        } else if (f.status() == DEFERRED) {
            file = file.withTargetQuarter(null).withDeferral(null);
        }
        if (f.status() == RESOLVED) {
            file = file.closeFollowUp(now);
        }
        SlaState sla = slaFor(f, to, publicNote, now);
        Feedback changed = step(f.withCaseFile(file), to, "TRANSITION", caller, now, publicNote, internalNote).withStatus(to);
        CaseNotices notices = new CaseNotices(f, changed, now);
        notices.add(NotificationEvent.STATUS_CHANGED, notices.citizens(true), Map.of("note", publicNote));
        if (to == REOPENED) {
            notices.add(NotificationEvent.STATUS_CHANGED, notices.worker(), Map.of("note", publicNote));
        }
        return save(caller, notices.written(), sla, now);
    }

    /** To another department, with a reason; the clocks run on untouched ({@link SlaClocks#transfer}). */
    public FeedbackView transfer(Caller caller, CaseRequests.Transfer request) {
        Feedback f = leadLoad(caller, request.id(), "transfer");
        requireVersion(f, request.version());
        String target = department(request.department(), "department");
        if (target.equals(f.triage().department())) {
            throw new ConflictException("the feedback is already with " + target);
        }
        requireOpen(f, "transferred");
        String reason = note(request.reason(), "reason", policy.publicNoteMaxChars(), null);
        Instant now = now();
        TriageResult routed = routedTo(f.triage(), target, f.triage().colour(), f.triage().needsReview());
        Feedback changed = step(f.withTriage(routed), f.status(), "TRANSFER", caller, now, "转交" + target + "：" + reason,
                optionalNote(request.internalNote()));
        CaseNotices notices = new CaseNotices(f, changed, now);
        notices.add(NotificationEvent.TRANSFERRED, CaseNotices.department(target), Map.of("department", target, "note", reason));
        notices.add(NotificationEvent.TRANSFERRED, notices.citizens(false), Map.of("department", target, "note", reason));
        return save(caller, notices.written(), clocks.clocks().transfer(f.sla()), now);
    }

    /**
     * Merges a duplicate into the original: the duplicate becomes MERGED (its clocks stop), and its submitter, followers
     * and "me too" count move to the original. Two single-item conditional writes, duplicate first; calling merge again
     * completes an interrupted merge and never counts a duplicate twice (the original remembers what it absorbed).
     */
    public FeedbackView merge(Caller caller, CaseRequests.Merge request) {
        Feedback duplicate = leadLoad(caller, request.id(), "merge");
        String into = required(request.into(), "into");
        if (into.equals(duplicate.id())) {
            throw new ValidationException("into", "a feedback cannot be merged into itself");
        }
        Feedback original = load(caller, into);
        if (original.status() == MERGED || original.status() == CLOSED) {
            throw new ConflictException("feedback " + into + " is " + original.status() + " and cannot take duplicates");
        }
        Instant now = now();
        if (duplicate.status() != MERGED) {
            requireVersion(duplicate, request.version());
            if (!StateMachine.MERGEABLE.contains(duplicate.status())) {
                throw new ConflictException(duplicate.status() + " (" + duplicate.status().chineseName() + ") is already decided; only "
                        + StateMachine.MERGEABLE + " can be merged");
            }
            String note = note(request.publicNote(), "publicNote", policy.publicNoteMaxChars(), "与反馈 " + original.trackingNo() + " 重复，已合并办理");
            SlaState sla = duplicate.sla();
            if (sla.clock(ClockKind.RESOLVE).orElseThrow().isRunning()) {
                sla = clocks.clocks().resolve(sla, now);
            }
            Feedback changed = step(duplicate.withCaseFile(duplicate.caseFile().withMergedInto(into)), MERGED, "MERGE", caller, now, note,
                    optionalNote(request.internalNote())).withStatus(MERGED);
            CaseNotices notices = new CaseNotices(duplicate, changed, now);
            notices.add(NotificationEvent.STATUS_CHANGED, notices.citizens(true), Map.of("note", note, "into", original.trackingNo()));
            write(notices.written(), sla, now);
            duplicate = repository.find(duplicate.id()).orElseThrow();
        } else if (!into.equals(duplicate.caseFile().mergedInto())) {
            throw new ConflictException("feedback " + duplicate.id() + " is already merged into " + duplicate.caseFile().mergedInto());
        }
        return views.of(caller, absorb(caller, original, duplicate, now));
    }

    /** The original's half of a merge, retried on a concurrent change; a duplicate already absorbed is left alone. */
    private Feedback absorb(Caller caller, Feedback original, Feedback duplicate, Instant now) {
        Feedback current = original;
        for (int attempt = 1;; attempt++) {
            if (current.caseFile().mergedFrom().contains(duplicate.id())) {
                return current;
            }
            CaseFile file = current.caseFile().withMergedDuplicate(duplicate.id(), duplicate.citizen(), duplicate.caseFile(),
                    policy.followersKept());
            Feedback changed = step(current.withCaseFile(file), current.status(), "MERGE", caller, now,
                    "合并重复反馈 " + duplicate.trackingNo(), null);
            try {
                return write(new CaseNotices(current, changed, now).written(), current.sla(), now);
            } catch (ConflictException raced) {
                if (attempt == MERGE_ATTEMPTS) {
                    throw raced;
                }
                current = repository.find(current.id()).orElseThrow();
            }
        }
    }

    /** Names the owner and the expected completion date; both are shown to the citizen. */
    public FeedbackView assign(Caller caller, CaseRequests.Assign request) {
        Feedback f = leadLoad(caller, request.id(), "assign");
        requireVersion(f, request.version());
        requireOpen(f, "assigned");
        String owner = required(request.owner(), "owner").strip();
        if (!OWNER.matcher(owner).matches()) {
            // the owner is repeated in the history, the notifications and their ids: keep it a short name or staff id
            throw new ValidationException("owner", "must be 1 to 64 letters, digits, spaces or . _ - @ (a name or a staff id)");
        }
        Instant now = now();
        LocalDate expectedBy;
        try {
            expectedBy = LocalDate.parse(required(request.expectedBy(), "expectedBy"));
        } catch (java.time.format.DateTimeParseException malformed) {
            throw new ValidationException("expectedBy", "must be a date like 2026-03-09");
        }
        if (expectedBy.isBefore(LocalDate.ofInstant(now, clocks.zone()))) {
            throw new ValidationException("expectedBy", "must not be in the past");
        }
        String note = note(request.publicNote(), "publicNote", policy.publicNoteMaxChars(),
                "承办人：" + owner + "，预计 " + expectedBy + " 前办结");
        CaseFile file = f.caseFile().withAssignment(new CaseFile.Assignment(owner, expectedBy, caller.subject(), now));
        Feedback changed = step(f.withCaseFile(file), f.status(), "ASSIGN", caller, now, note, null);
        CaseNotices notices = new CaseNotices(f, changed, now);
        Map<String, String> params = Map.of("owner", owner, "expectedBy", expectedBy.toString(), "note", note);
        notices.add(NotificationEvent.ASSIGNED, notices.citizens(false), params);
        notices.add(NotificationEvent.ASSIGNED, CaseNotices.assignee(owner), params);
        return save(caller, notices.written(), f.sla(), now);
    }

    /** A public message to the citizen without a state change; the first one also stops the acknowledge clock. */
    public FeedbackView reply(Caller caller, CaseRequests.Reply request) {
        Feedback f = staffLoad(caller, request.id());
        requireVersion(f, request.version());
        requireOpen(f, "replied to");
        String message = note(request.message(), "message", policy.publicNoteMaxChars(), null);
        Instant now = now();
        Feedback changed = step(f, f.status(), "REPLY", caller, now, message, optionalNote(request.internalNote()));
        CaseNotices notices = new CaseNotices(f, changed, now);
        notices.add(NotificationEvent.REPLIED, notices.citizens(false), Map.of("note", message));
        return save(caller, notices.written(), clocks.clocks().acknowledge(f.sla(), now), now);
    }

    /**
     * Confirms or corrects triage: the item leaves the manual triage queue. A more urgent colour shortens the running
     * deadlines at once; a less urgent one, confirming a review-queue item and re-routing are for supervisors (403).
     */
    public FeedbackView review(Caller caller, CaseRequests.Review request) {
        Feedback f = staffLoad(caller, request.id());
        requireVersion(f, request.version());
        boolean supervisor = caller.seesAllDepartments();
        Colour colour = request.colour() == null ? f.sla().colour() : parse(Colour.class, request.colour(), "colour");
        String target = request.department() == null ? f.triage().department() : department(request.department(), "department");
        if (!supervisor && (f.triage().needsReview() || !target.equals(f.triage().department()))) {
            throw new ForbiddenException("confirming triage and re-routing are for supervisors");
        }
        requireOpen(f, "re-triaged");
        SlaState sla = clocks.clocks().retriage(f.sla(), colour, supervisor);
        Instant now = now();
        String note = optionalNote(request.note());
        Feedback changed = step(f.withTriage(routedTo(f.triage(), target, colour, false)), f.status(), "RETRIAGE", caller, now,
                null, "分级 " + f.triage().colour() + "→" + colour + "，主办 " + f.triage().department() + "→" + target
                        + (note == null ? "" : "：" + note));
        CaseNotices notices = new CaseNotices(f, changed, now);
        if (!target.equals(f.triage().department())) {
            notices.add(NotificationEvent.TRANSFERRED, CaseNotices.department(target), Map.of("department", target, "note", "分级复核"));
        }
        return save(caller, notices.written(), sla, now);
    }

    /**
     * The citizen rates the resolution of this round within {@link LifecyclePolicy#rateWithin()} of it, also when staff
     * have closed the case since; a low score opens a 回访 follow-up for the department with its own deadline.
     */
    public FeedbackView rate(Caller caller, CaseRequests.Rate request) {
        caller.require(Role.CITIZEN, "rating feedback");
        Feedback f = load(caller, request.id());
        Integer score = request.score();
        if (score == null || score < 1 || score > CaseView.SCORE_NAMES.size()) {
            throw new ValidationException("score", "must be 1 (非常不满意) to 5 (非常满意)");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null
                : note(request.comment(), "comment", policy.commentMaxChars(), null);
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
        CaseFile.FollowUp followUp = notFixed ? new CaseFile.FollowUp(now, now.plus(policy.followUpWithin()), null, false) : f.caseFile().followUp();
        CaseFile file = f.caseFile().withRating(new CaseFile.Rating(score, comment, now, f.sla().round()), followUp);
        Feedback changed = step(f.withCaseFile(file), f.status(), "RATE", caller, now, CaseView.SCORE_NAMES.get(score - 1), null);
        CaseNotices notices = new CaseNotices(f, changed, now);
        if (notFixed) {
            notices.add(NotificationEvent.FOLLOW_UP_OPENED, notices.worker(),
                    Map.of("score", score.toString(), "dueAt", followUp.dueAt().toString()));
        }
        return save(caller, notices.written(), f.sla(), now);
    }

    /** The citizen appeals a resolution or rejection within {@link LifecyclePolicy#appealWithin()}; the 48-hour appeal clock starts. */
    public FeedbackView appeal(Caller caller, CaseRequests.Appeal request) {
        caller.require(Role.CITIZEN, "appealing");
        Feedback f = load(caller, request.id());
        String reason = note(request.reason(), "reason", policy.publicNoteMaxChars(), null);
        if (f.status() != RESOLVED && f.status() != REJECTED && f.status() != CLOSED) {
            throw new ConflictException("only a resolved or rejected feedback can be appealed; this one is " + f.status());
        }
        Instant decided = latest(f.caseFile().lastEntered(RESOLVED), f.caseFile().lastEntered(REJECTED));
        Instant now = now();
        if (decided == null || now.isAfter(decided.plus(policy.appealWithin()))) {
            throw new ConflictException("the appeal window closed at " + (decided == null ? "its decision" : decided.plus(policy.appealWithin())));
        }
        SlaState sla = clocks.clocks().openAppeal(f.sla(), now);
        CaseFile file = f.caseFile().withAppeal(new CaseFile.Appeal(reason, now, f.sla().round(), null, null, null, null));
        Feedback changed = step(f.withCaseFile(file), f.status(), "APPEAL", caller, now, "申诉：" + reason, null);
        CaseNotices notices = new CaseNotices(f, changed, now);
        notices.add(NotificationEvent.APPEAL_OPENED, CaseNotices.department(f.triage().department()), Map.of("note", reason));
        return save(caller, notices.written(), sla, now);
    }

    /** A supervisor decides an open appeal: UPHOLD closes the feedback, REOPEN starts a new round (escalation level kept). */
    public FeedbackView decideAppeal(Caller caller, CaseRequests.DecideAppeal request) {
        if (!caller.seesAllDepartments()) {
            throw new ForbiddenException("appeals are decided by a supervisor");
        }
        String decision = required(request.decision(), "decision");
        if (!decision.equals("UPHOLD") && !decision.equals("REOPEN")) {
            throw new ValidationException("decision", "must be UPHOLD or REOPEN");
        }
        Feedback f = staffLoad(caller, request.id());
        requireVersion(f, request.version());
        String note = note(request.note(), "note", policy.publicNoteMaxChars(), null);
        CaseFile.Appeal open = f.caseFile().appeal();
        if (open == null || open.decision() != null) {
            throw new ConflictException("there is no appeal waiting for a decision");
        }
        Instant now = now();
        SlaState sla = clocks.clocks().decideAppeal(f.sla(), now);
        boolean reopen = decision.equals("REOPEN");
        Status to = reopen ? REOPENED : CLOSED;
        CaseFile file = f.caseFile().withAppeal(new CaseFile.Appeal(open.reason(), open.at(), open.round(), decision, note,
                caller.subject(), now)).closeFollowUp(now);
        if (reopen) {
            sla = clocks.clocks().reopen(sla, now);
        }
        Feedback changed = step(f.withCaseFile(file), to, "APPEAL_DECISION", caller, now, note, null).withStatus(to);
        CaseNotices notices = new CaseNotices(f, changed, now);
        Map<String, String> params = Map.of("decision", decision, "decisionName", reopen ? "申诉成立，重新办理" : "维持原处理结果", "note", note);
        notices.add(NotificationEvent.APPEAL_DECIDED, notices.citizens(false), params);
        if (reopen) {
            notices.add(NotificationEvent.APPEAL_DECIDED, notices.worker(), params);
        }
        return save(caller, notices.written(), sla, now);
    }

    /** The clocks after a move: any staff move is a response; waiting pauses; deciding stops; leaving DEFERRED or reopening starts a round. */
    private SlaState slaFor(Feedback f, Status to, String reason, Instant now) {
        SlaClocks c = clocks.clocks();
        SlaState sla = f.sla();
        if (f.status() == AWAITING_CITIZEN && !StateMachine.DECIDED.contains(to) && sla.openPause().isPresent()) {
            sla = c.resume(sla, now);
        }
        if (f.status() == DEFERRED || to == REOPENED) {
            sla = c.reopen(sla, now);
        }
        sla = c.acknowledge(sla, now);
        if (to == AWAITING_CITIZEN) {
            sla = c.pause(sla, reason, now);
        }
        if (StateMachine.DECIDED.contains(to) && sla.clock(ClockKind.RESOLVE).orElseThrow().isRunning()) {
            sla = c.resolve(sla, now);
        }
        return sla;
    }

    private boolean ratedNotFixed(Feedback f) {
        CaseFile.Rating rating = f.caseFile().rating();
        return rating != null && rating.round() == f.sla().round() && rating.score() <= policy.followUpAtOrBelowScore();
    }

    /** The feedback with one more history entry. */
    private Feedback step(Feedback f, Status to, String action, Caller caller, Instant at, String publicNote, String internalNote) {
        return f.withCaseFile(f.caseFile().withStep(new Step(action, f.status(), to, caller.subject(), at, publicNote, internalNote),
                policy.internalNotesKept()));
    }

    private FeedbackView save(Caller caller, Feedback changed, SlaState sla, Instant now) {
        return views.of(caller, write(changed, sla, now));
    }

    /**
     * One conditional write on the version read ({@code changed} still carries it); the index times are recomputed first,
     * since the clocks and the outbox changed.
     */
    private Feedback write(Feedback changed, SlaState sla, Instant now) {
        Feedback stored = clocks.withSla(changed, sla, now).nextVersion();
        repository.replace(stored);
        return stored;
    }

    /**
     * For what decides the whole case (status, assignment, transfer, merge): staff of the lead department, supervisors
     * and admins. A copied department does its part by reading, replying and acknowledging; it does not close the case.
     */
    private Feedback leadLoad(Caller caller, String id, String action) {
        Feedback f = staffLoad(caller, id);
        if (caller.is(Role.STAFF) && !caller.department().equals(f.triage().department())) {
            throw new ForbiddenException("only the lead department " + f.triage().department() + " or a supervisor may " + action
                    + " this feedback; a copied department may reply");
        }
        return f;
    }

    private Feedback staffLoad(Caller caller, String id) {
        if (caller.is(Role.CITIZEN)) {
            throw new ForbiddenException("this operation is for staff, supervisors and admins");
        }
        return load(caller, id);
    }

    /** A feedback the caller may see; one the caller may not see is reported as missing. */
    private Feedback load(Caller caller, String id) {
        String wanted = required(id, "id");
        if (!Ids.isWellFormed(wanted)) {
            throw new NotFoundException("no feedback " + wanted);
        }
        return repository.find(wanted).filter(f -> FeedbackService.maySee(caller, f))
                .orElseThrow(() -> new NotFoundException("no feedback " + wanted));
    }

    private static void requireVersion(Feedback f, Long version) {
        if (version == null) {
            throw new ValidationException("version", "is required: the version of the feedback you read");
        }
        if (version != f.version()) {
            throw new ConflictException("feedback " + f.id() + " is at version " + f.version() + ", not " + version
                    + ": someone else changed it; read it again and retry");
        }
    }

    private static void requireOpen(Feedback f, String what) {
        if (f.status() == CLOSED || f.status() == MERGED) {
            throw new ConflictException("a " + f.status() + " feedback cannot be " + what);
        }
    }

    private String department(String code, String field) {
        String value = required(code, field);
        if (!departments.contains(value)) {
            throw new ValidationException(field, "is not a department code of the taxonomy");
        }
        return value;
    }

    /** The triage decision routed to another lead department (no longer copied to it) and colour; {@code needsReview} as given. */
    private static TriageResult routedTo(TriageResult t, String department, Colour colour, boolean needsReview) {
        return new TriageResult(t.maskedText(), t.type(), colour, t.domain(), t.alsoDomains(), department,
                t.copiedDepartments().stream().filter(d -> !d.equals(department)).toList(), t.tags(), t.sentiment(), t.sentimentScore(),
                t.typeConfidence(), t.domainConfidence(), t.evidence(), needsReview);
    }

    /** A target quarter such as 2027Q1, not before the current one. */
    private String targetQuarter(String value, Instant now) {
        Matcher m = QUARTER.matcher(required(value, "targetQuarter"));
        if (!m.matches()) {
            throw new ValidationException("targetQuarter", "must look like 2027Q1");
        }
        LocalDate today = LocalDate.ofInstant(now, clocks.zone());
        int target = Integer.parseInt(m.group(1)) * 4 + Integer.parseInt(m.group(2));
        int current = today.getYear() * 4 + today.get(IsoFields.QUARTER_OF_YEAR);
        if (target < current) {
            throw new ValidationException("targetQuarter", "must not be before the current quarter");
        }
        return value;
    }

    private static Status parseStatus(String value) {
        return parse(Status.class, value, "to");
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, required(value, field));
        } catch (IllegalArgumentException unknown) {
            throw new ValidationException(field, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        return value.strip();
    }

    /** A note within its cap; {@code fallback} when absent (null fallback: the note is required). */
    private static String note(String value, String field, int maxChars, String fallback) {
        if ((value == null || value.isBlank()) && fallback != null) {
            return fallback;
        }
        String note = required(value, field);
        if (note.codePointCount(0, note.length()) > maxChars) {
            throw new ValidationException(field, "is longer than " + maxChars + " characters");
        }
        return note;
    }

    private String optionalNote(String value) {
        return value == null || value.isBlank() ? null : note(value, "internalNote", policy.internalNoteMaxChars(), null);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

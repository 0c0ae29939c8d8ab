package com.govfeedback.feedback.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.govfeedback.audit.AuditEvent;
import com.govfeedback.audit.AuditStore;
import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.CaseFile;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.FeedbackClocks;
import com.govfeedback.feedback.FeedbackContext;
import com.govfeedback.feedback.Similarity;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.access.CaseAccess;
import com.govfeedback.feedback.access.StaffRead;
import com.govfeedback.feedback.contact.ContactProtection;
import com.govfeedback.feedback.contact.PhoneNumbers;
import com.govfeedback.feedback.intake.SubmissionValidator.ValidSubmission;
import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.store.FeedbackRepository.SubmissionClaim;
import com.govfeedback.feedback.view.FeedbackPage;
import com.govfeedback.feedback.view.FeedbackView;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.Pages;
import com.govfeedback.triage.Triage;
import com.govfeedback.triage.TriageResult;

/** Submitting feedback and reading it back, with the access rules of each role. */
public final class FeedbackService {
    /** The cursor kind of a citizen's own list. */
    private static final String MINE = "v1:";
    /** How long a client request id is remembered: far longer than any app retries. */
    static final Duration CLAIM_LIFETIME = Duration.ofDays(30);

    private final FeedbackRepository repository;
    private final SubmissionLimiter limiter;
    private final Triage triage;
    private final FeedbackClocks clocks;
    private final SimilarFeedback similar;
    private final Clock clock;
    private final FeedbackViews views;
    private final CaseAccess access;
    private final ContactProtection contacts;
    private final AuditStore audit;

    public FeedbackService(FeedbackRepository repository, SubmissionLimiter limiter, Triage triage, FeedbackClocks clocks,
            SimilarFeedback similar, FeedbackViews views, ContactProtection contacts, AuditStore audit, Clock clock) {
        this.repository = repository;
        this.limiter = limiter;
        this.triage = triage;
        this.clocks = clocks;
        this.similar = similar;
        this.views = views;
        this.clock = clock;
        this.access = new CaseAccess(repository);
        this.contacts = contacts;
        this.audit = audit;
    }

    /**
     * Stores a citizen's feedback once per client request id. A retry with the same body answers the
     * stored feedback; the same id with another body is a conflict. A submission interrupted between
     * its two writes is completed by the retry, with the id and time first claimed. Personal data is
     * masked before anything is stored, hashed or logged; triage and deadlines are decided here, so the
     * answer already carries the colour, the department and the expected reply time. A callback phone is sealed (SM4,
     * bound to the feedback) before the item is built; only its masked form is ever shown.
     */
    public FeedbackView submit(Caller caller, SubmitFeedback request) {
        caller.require(Role.CITIZEN, "submitting feedback");
        ValidSubmission valid = SubmissionValidator.validate(request);
        TriageResult decision = triage.triage(valid.text());
        String hash = requestHash(valid, decision.maskedText());
        SubmissionClaim claim = repository.findClaim(caller.subject(), valid.clientRequestId()).orElse(null);
        boolean firstAttempt = claim == null;
        if (firstAttempt) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            limiter.acquire(caller.subject(), now);
            SubmissionClaim ours = new SubmissionClaim(Ids.newId(now), now, hash);
            claim = repository.claim(caller.subject(), valid.clientRequestId(), ours, now.plus(CLAIM_LIFETIME));
            firstAttempt = claim == ours;
        }
        if (!claim.requestHash().equals(hash)) {
            throw new ConflictException("clientRequestId " + valid.clientRequestId() + " was already used for a different submission");
        }
        // only a retry can find the feedback already stored; a first attempt writes it without looking
        Optional<Feedback> stored = firstAttempt ? Optional.empty() : repository.find(claim.feedbackId());
        Feedback feedback = stored.orElse(null);
        if (feedback == null) {
            Similarity placed = similar.place(claim.feedbackId(), decision.domain(), decision.maskedText(), claim.receivedAt());
            feedback = clocks.started(new Feedback(claim.feedbackId(), TrackingNumbers.of(claim.feedbackId(), claim.receivedAt(), clocks.zone()),
                    caller.subject(), Status.SUBMITTED, claim.receivedAt(), decision.maskedText(), valid.channel(), valid.context(),
                    decision, null, null, null, placed, List.of(), 1, CaseFile.EMPTY,
                    valid.contactPhone() == null ? null : contacts.seal(claim.feedbackId(), valid.contactPhone())));
            // the departments' alerts go in the same write; the index times then count their re-drive time
            feedback = clocks.reindexed(feedback.withOutbox(SubmissionNotices.of(feedback, clocks.zone())), claim.receivedAt());
            repository.insert(feedback);
        }
        // after the feedback, and again on every retry: a crash between the writes is completed by the retry
        similar.record(feedback.id(), feedback.triage().domain(), feedback.similar(), feedback.receivedAt());
        return views.of(caller, feedback);
    }

    /**
     * One feedback, if the caller may see it; an item the caller may not see is reported as missing. A read by anyone but
     * its citizen is appended to the case's audit chain before the answer (one query and one conditional put).
     */
    public FeedbackView get(Caller caller, String id) {
        Feedback f = access.load(caller, id);
        if (!caller.is(Role.CITIZEN)) {
            audit.append(f.id(), AuditEvent.oneOff(StaffRead.READ.name(), clock.instant().truncatedTo(ChronoUnit.MILLIS), caller, Map.of()));
        }
        return views.of(caller, f);
    }

    /** The caller's own feedback, newest first. */
    public FeedbackPage mine(Caller caller, Integer limit, String cursor) {
        caller.require(Role.CITIZEN, "listing one's own feedback");
        FeedbackRepository.Slice slice = repository.listByCitizen(caller.subject(), Pages.size(limit),
                Pages.decode(MINE, cursor, Ids::isWellFormed));
        return new FeedbackPage(views.of(caller, slice.items()), Pages.encode(MINE, slice.lastId()));
    }

    /** A digest of the masked body: a retry is recognised without the raw text ever being kept, even hashed. */
    private static String requestHash(ValidSubmission s, String maskedText) {
        FeedbackContext c = s.context();
        // the phone counts in its masked form only: even a digest of the number could be reversed by trying them all
        String canonical = String.join("\u001f", maskedText, s.channel().name(), String.valueOf(c.screenPath()),
                String.valueOf(c.deviceModel()), String.valueOf(c.os()), String.valueOf(c.osVersion()), String.valueOf(c.appVersion()),
                String.valueOf(c.networkType()), String.valueOf(c.regionCode()), String.valueOf(c.locale()),
                s.contactPhone() == null ? "" : PhoneNumbers.mask(s.contactPhone()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

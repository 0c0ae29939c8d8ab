package com.govfeedback.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.FeedbackRepository.SubmissionClaim;
import com.govfeedback.feedback.SubmissionValidator.ValidSubmission;
import com.govfeedback.feedback.lifecycle.CaseFile;
import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.similar.Similarity;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.NotFoundException;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.triage.Triage;
import com.govfeedback.triage.TriageResult;

/** Submitting feedback and reading it back, with the access rules of each role. */
public final class FeedbackService {
    public static final int MAX_PAGE_SIZE = 50;
    /** How long a client request id is remembered: far longer than any app retries. */
    static final Duration CLAIM_LIFETIME = Duration.ofDays(30);

    private final FeedbackRepository repository;
    private final SubmissionLimiter limiter;
    private final Triage triage;
    private final FeedbackClocks clocks;
    private final SimilarFeedback similar;
    private final Clock clock;
    private final FeedbackViews views;

    public FeedbackService(FeedbackRepository repository, SubmissionLimiter limiter, Triage triage, FeedbackClocks clocks,
            SimilarFeedback similar, FeedbackViews views, Clock clock) {
        this.repository = repository;
        this.limiter = limiter;
        this.triage = triage;
        this.clocks = clocks;
        this.similar = similar;
        this.views = views;
        this.clock = clock;
    }

    /**
     * Stores a citizen's feedback once per client request id. A retry with the same body answers the
     * stored feedback; the same id with another body is a conflict. A submission interrupted between
     * its two writes is completed by the retry, with the id and time first claimed. Personal data is
     * masked before anything is stored, hashed or logged; triage and deadlines are decided here, so the
     * answer already carries the colour, the department and the expected reply time.
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
            feedback = clocks.started(new Feedback(claim.feedbackId(), TrackingNumbers.of(claim.feedbackId(), claim.receivedAt()),
                    caller.subject(), Status.SUBMITTED, claim.receivedAt(), decision.maskedText(), valid.channel(), valid.context(),
                    decision, null, null, null, placed, List.of(), 1, CaseFile.EMPTY));
            repository.insert(feedback);
        }
        // after the feedback, and again on every retry: a crash between the writes is completed by the retry
        similar.record(feedback.id(), feedback.triage().domain(), feedback.similar(), feedback.receivedAt());
        return views.of(caller, feedback);
    }

    /** One feedback, if the caller may see it; an item the caller may not see is reported as missing. */
    public FeedbackView get(Caller caller, String id) {
        if (id == null || id.isBlank()) {
            throw new ValidationException("id", "is required");
        }
        if (!Ids.isWellFormed(id)) {
            throw new NotFoundException("no feedback " + id);
        }
        return repository.find(id)
                .filter(feedback -> maySee(caller, feedback))
                .map(feedback -> views.of(caller, feedback))
                .orElseThrow(() -> new NotFoundException("no feedback " + id));
    }

    /** The caller's own feedback, newest first. */
    public FeedbackPage mine(Caller caller, Integer limit, String cursor) {
        caller.require(Role.CITIZEN, "listing one's own feedback");
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        FeedbackRepository.Slice slice = repository.listByCitizen(caller.subject(), size, Cursors.decode(cursor));
        return new FeedbackPage(views.of(caller, slice.items()), Cursors.encode(slice.lastId()));
    }

    /** Citizens see their own; staff their department's, lead or copied; supervisors and admins everything. */
    public static boolean maySee(Caller caller, Feedback feedback) {
        return switch (caller.role()) {
            case CITIZEN -> caller.subject().equals(feedback.citizen());
            case SUPERVISOR, ADMIN, OPTIMISATION_OFFICE -> true;
            case STAFF -> feedback.triage().involves(caller.department());
        };
    }

    /** A digest of the masked body: a retry is recognised without the raw text ever being kept, even hashed. */
    private static String requestHash(ValidSubmission s, String maskedText) {
        FeedbackContext c = s.context();
        String canonical = String.join("\u001f", maskedText, s.channel().name(), String.valueOf(c.screenPath()),
                String.valueOf(c.deviceModel()), String.valueOf(c.os()), String.valueOf(c.osVersion()), String.valueOf(c.appVersion()),
                String.valueOf(c.networkType()), String.valueOf(c.regionCode()), String.valueOf(c.locale()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opaque page cursors: a kind prefix and the position of the last item read (a feedback id, or a queue sort key), so a
     * cursor can never reach another partition and a cursor of one listing is refused by another.
     */
    public static final class Cursors {
        private static final String MINE = "v1:";

        private Cursors() {
        }

        static String encode(String lastId) {
            return encode(MINE, lastId);
        }

        static String decode(String cursor) {
            return decode(MINE, cursor, Ids::isWellFormed);
        }

        public static String encode(String kind, String position) {
            return position == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString((kind + position).getBytes(StandardCharsets.UTF_8));
        }

        /** The position in a cursor of {@code kind}; null for no cursor; 422 for anything this service did not issue. */
        public static String decode(String kind, String cursor, Predicate<String> wellFormed) {
            if (cursor == null || cursor.isEmpty()) {
                return null;
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String position = text.startsWith(kind) ? text.substring(kind.length()) : null;
                if (position != null && wellFormed.test(position)) {
                    return position;
                }
            } catch (IllegalArgumentException notBase64) {
                // reported below
            }
            throw new ValidationException("cursor", "is not a cursor this service issued");
        }
    }
}

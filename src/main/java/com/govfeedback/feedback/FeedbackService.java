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
import java.util.Optional;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.FeedbackRepository.SubmissionClaim;
import com.govfeedback.feedback.SubmissionValidator.ValidSubmission;
import com.govfeedback.shared.ConflictException;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.NotFoundException;
import com.govfeedback.shared.ValidationException;

/** Submitting feedback and reading it back, with the access rules of each role. */
public final class FeedbackService {
    public static final int MAX_PAGE_SIZE = 50;
    /** How long a client request id is remembered: far longer than any app retries. */
    static final Duration CLAIM_LIFETIME = Duration.ofDays(30);

    private final FeedbackRepository repository;
    private final SubmissionLimiter limiter;
    private final Clock clock;

    public FeedbackService(FeedbackRepository repository, SubmissionLimiter limiter, Clock clock) {
        this.repository = repository;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * Stores a citizen's feedback once per client request id. A retry with the same body answers the
     * stored feedback; the same id with another body is a conflict. A submission interrupted between
     * its two writes is completed by the retry, with the id and time first claimed.
     */
    public Feedback submit(Caller caller, SubmitFeedback request) {
        caller.require(Role.CITIZEN, "submitting feedback");
        ValidSubmission valid = SubmissionValidator.validate(request);
        String hash = requestHash(valid);
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
        if (stored.isPresent()) {
            return stored.get();
        }
        Feedback feedback = new Feedback(claim.feedbackId(), TrackingNumbers.of(claim.feedbackId(), claim.receivedAt()),
                caller.subject(), Status.SUBMITTED, claim.receivedAt(), valid.text(), valid.channel(), valid.context(), 1);
        repository.insert(feedback);
        return feedback;
    }

    /** One feedback, if the caller may see it; an item the caller may not see is reported as missing. */
    public Feedback get(Caller caller, String id) {
        if (id == null || id.isBlank()) {
            throw new ValidationException("id", "is required");
        }
        if (!Ids.isWellFormed(id)) {
            throw new NotFoundException("no feedback " + id);
        }
        return repository.find(id)
                .filter(feedback -> maySee(caller, feedback))
                .orElseThrow(() -> new NotFoundException("no feedback " + id));
    }

    /** The caller's own feedback, newest first. */
    public FeedbackPage mine(Caller caller, Integer limit, String cursor) {
        caller.require(Role.CITIZEN, "listing one's own feedback");
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        FeedbackPage page = repository.listByCitizen(caller.subject(), size, Cursors.decode(cursor));
        return new FeedbackPage(page.items(), Cursors.encode(page.nextCursor()));
    }

    static boolean maySee(Caller caller, Feedback feedback) {
        return switch (caller.role()) {
            case CITIZEN -> caller.subject().equals(feedback.citizen());
            case SUPERVISOR, ADMIN -> true;
            case STAFF -> false; // departments are assigned by triage; until then no department owns a feedback
        };
    }

    private static String requestHash(ValidSubmission s) {
        FeedbackContext c = s.context();
        String canonical = String.join("\u001f", s.text(), s.channel().name(), String.valueOf(c.screenPath()),
                String.valueOf(c.deviceModel()), String.valueOf(c.os()), String.valueOf(c.osVersion()), String.valueOf(c.appVersion()),
                String.valueOf(c.networkType()), String.valueOf(c.regionCode()), String.valueOf(c.locale()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opaque page cursors: the last feedback id of a page, so a cursor can never reach another citizen's partition. */
    static final class Cursors {
        private Cursors() {
        }

        static String encode(String lastId) {
            return lastId == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + lastId).getBytes(StandardCharsets.UTF_8));
        }

        static String decode(String cursor) {
            if (cursor == null || cursor.isEmpty()) {
                return null;
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String id = text.startsWith("v1:") ? text.substring(3) : null;
                if (Ids.isWellFormed(id)) {
                    return id;
                }
            } catch (IllegalArgumentException notBase64) {
                // reported below
            }
            throw new ValidationException("cursor", "is not a cursor this service issued");
        }
    }
}

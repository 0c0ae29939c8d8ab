package com.govfeedback.feedback.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.govfeedback.audit.AuditEntry;
import com.govfeedback.audit.AuditEvent;
import com.govfeedback.audit.AuditStore;
import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.access.CaseAccess;
import com.govfeedback.feedback.access.StaffRead;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.NotFoundException;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.triage.Triage;

/**
 * Reveals a feedback's callback phone in plain to staff of the department handling it (its lead department), who must
 * say why. The reveal is appended to the case's audit chain, with the masked reason, before the number is decrypted: if it
 * cannot be recorded, nothing is revealed. A number sealed under an older key-encryption key is sealed anew here (lazy
 * rotation).
 */
public final class ContactReveal {
    static final int REASON_MIN_CHARS = 4;
    static final int REASON_MAX_CHARS = 200;

    private final FeedbackRepository repository;
    private final CaseAccess access;
    private final ContactProtection protection;
    private final AuditStore audit;
    private final Triage triage;
    private final Clock clock;

    public ContactReveal(FeedbackRepository repository, ContactProtection protection, AuditStore audit, Triage triage, Clock clock) {
        this.repository = repository;
        this.access = new CaseAccess(repository);
        this.protection = protection;
        this.audit = audit;
        this.triage = triage;
        this.clock = clock;
    }

    /** @param reason why the number is needed (e.g. 电话回访核实诉求); masked before it is recorded */
    public record Request(String id, String reason) {
    }

    /** @param auditSeq the place of this reveal in the case's audit chain */
    public record Revealed(String id, String contactPhone, Instant revealedAt, long auditSeq) {
    }

    public Revealed reveal(Caller caller, Request request) {
        if (!(caller.is(Role.STAFF) || caller.is(Role.SUPERVISOR))) {
            throw new ForbiddenException("revealing a callback phone is for staff and supervisors of the handling department");
        }
        String reason = reason(request.reason());
        Feedback f = access.load(caller, request.id());
        if (!f.triage().department().equals(caller.department())) {
            throw new ForbiddenException("only the handling department " + f.triage().department() + " may reveal the callback phone");
        }
        if (f.contactPhone() == null) {
            throw new NotFoundException("feedback " + f.id() + " has no callback phone");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEntry recorded = audit.append(f.id(), AuditEvent.oneOff(StaffRead.REVEAL_CONTACT.name(), now, caller,
                Map.of("field", "contactPhone", "reason", triage.mask(reason))));
        String phone = protection.open(f.id(), f.contactPhone());
        if (!protection.isCurrent(f.contactPhone())) {
            repository.resealContactPhone(f, protection.seal(f.id(), phone));
        }
        return new Revealed(f.id(), phone, now, recorded.seq());
    }

    private static String reason(String value) {
        String reason = value == null ? "" : value.strip();
        int length = reason.codePointCount(0, reason.length());
        if (length < REASON_MIN_CHARS || length > REASON_MAX_CHARS) {
            throw new ValidationException("reason", "is required: why the number is needed, " + REASON_MIN_CHARS + " to " + REASON_MAX_CHARS
                    + " characters");
        }
        return reason;
    }
}

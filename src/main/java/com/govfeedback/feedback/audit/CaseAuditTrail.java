package com.govfeedback.feedback.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import com.govfeedback.audit.AuditEntry;
import com.govfeedback.audit.AuditEvent;
import com.govfeedback.audit.AuditStore;
import com.govfeedback.auth.Caller;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.access.CaseAccess;
import com.govfeedback.feedback.access.StaffRead;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.shared.Pages;

/**
 * A case's audit trail for supervisors and admins: every change, read and reveal, oldest first, each with its hash and
 * the previous one so a reader can check the links. Reading it is itself recorded (before the page is read, so the
 * reader's own entry is the newest one).
 */
public final class CaseAuditTrail {
    private static final String CURSOR = "audit:";

    private final CaseAccess access;
    private final AuditStore audit;
    private final Clock clock;

    public CaseAuditTrail(FeedbackRepository repository, AuditStore audit, Clock clock) {
        this.access = new CaseAccess(repository);
        this.audit = audit;
        this.clock = clock;
    }

    /** @param cursor where the previous page ended */
    public record Request(String id, Integer limit, String cursor) {
    }

    public record EntryView(long seq, String action, Instant at, String actor, String role, String department,
            SortedMap<String, String> details, Instant recordedAt, String eventId, String previousHash, String hash) {
        static EntryView of(AuditEntry e) {
            AuditEvent event = e.event();
            return new EntryView(e.seq(), event.action(), event.at(), event.actor(), event.role(), event.department(), event.details(),
                    e.recordedAt(), event.eventId(), e.previousHash(), e.hash());
        }
    }

    public record Page(String id, List<EntryView> entries, String nextCursor) {
    }

    public Page trail(Caller caller, Request request) {
        CaseAccess.requireSupervisor(caller, "audit trails");
        int limit = Pages.size(request.limit());
        String after = Pages.decode(CURSOR, request.cursor(), position -> position.matches("\\d{1,10}"));
        Feedback f = access.load(caller, request.id());
        audit.append(f.id(), AuditEvent.oneOff(StaffRead.READ_AUDIT_TRAIL.name(), clock.instant().truncatedTo(ChronoUnit.MILLIS), caller,
                Map.of()));
        AuditStore.Page page = audit.page(f.id(), after == null ? 0 : Long.parseLong(after), limit);
        return new Page(f.id(), page.entries().stream().map(EntryView::of).toList(),
                Pages.encode(CURSOR, page.lastSeq() == null ? null : page.lastSeq().toString()));
    }
}

package com.govfeedback.feedback.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.access.CaseAccess;
import com.govfeedback.feedback.store.CopyEntries;
import com.govfeedback.feedback.store.FeedbackKeys;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.view.FeedbackPage;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.Pages;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.sla.Colour;

/**
 * The work queues, nearest deadline first: a department's ({@code QUEUE#{department}} of the ByQueue index), the manual
 * triage queue ({@code QUEUE#REVIEW}, where a feedback waits while triage asks for a review) and a department's copy queue
 * ({@code COPY#{department}}: the cases it is copied on, from their copy entries). Status and colour filter a work queue's
 * page. Staff read their own department's queues; supervisors and admins any queue and the triage queue.
 */
public final class WorkQueue {
    private static final String CURSOR_KIND = "q1:";
    private static final String COPY_CURSOR_KIND = "c1:";
    /** A queue sort key: fixed-width UTC instant (or "~" for no deadline), '#', a feedback id. */
    private static final Pattern SORT_KEY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z|~)#[0-9A-HJKMNP-TV-Z]{26}");

    private final FeedbackRepository repository;
    private final FeedbackViews views;

    public WorkQueue(FeedbackRepository repository, FeedbackViews views) {
        this.repository = repository;
        this.views = views;
    }

    public FeedbackPage list(Caller caller, CaseRequests.QueueRequest request) {
        CaseAccess.requireCaseWorker(caller);
        String queue = queueName(caller, request);
        Status status = request.status() == null ? null : RequestRules.parse(Status.class, request.status(), "status");
        Colour colour = request.colour() == null ? null : RequestRules.parse(Colour.class, request.colour(), "colour");
        int size = Pages.size(request.limit());
        String after = Pages.decode(CURSOR_KIND, request.cursor(), key -> SORT_KEY.matcher(key).matches());
        FeedbackRepository.QueueSlice slice = repository.listQueue(FeedbackKeys.queuePartition(queue), status,
                colour == null ? null : colour.name(), size, after);
        return new FeedbackPage(views.of(caller, slice.items()), Pages.encode(CURSOR_KIND, slice.lastSortKey()));
    }

    /**
     * A page of the department's copy queue: its copy entries, then the cases they name read in one batch, so each shows its
     * current status and deadlines. An entry the stream has not yet caught up with (the case is no longer copied to the
     * department, or is final) is left out.
     */
    public FeedbackPage copies(Caller caller, CaseRequests.CopyQueueRequest request) {
        CaseAccess.requireCaseWorker(caller);
        String department = departmentOf(caller, request.department(), "is required for a supervisor or admin");
        int size = Pages.size(request.limit());
        String after = Pages.decode(COPY_CURSOR_KIND, request.cursor(), key -> SORT_KEY.matcher(key).matches());
        FeedbackRepository.CopySlice slice = repository.listCopies(department, size, after);
        Map<String, Feedback> cases = repository.findAll(slice.feedbackIds());
        List<Feedback> copied = slice.feedbackIds().stream().map(cases::get)
                .filter(f -> f != null && CopyEntries.isListed(f, department) && CaseAccess.maySee(caller, f)).toList();
        return new FeedbackPage(views.of(caller, copied), Pages.encode(COPY_CURSOR_KIND, slice.lastSortKey()));
    }

    private static String queueName(Caller caller, CaseRequests.QueueRequest request) {
        boolean review = Boolean.TRUE.equals(request.review());
        if (review) {
            if (caller.is(Role.STAFF)) {
                throw new ForbiddenException("the manual triage queue is for supervisors");
            }
            return FeedbackKeys.REVIEW_QUEUE;
        }
        return departmentOf(caller, request.department(), "is required for a supervisor or admin (or review: true)");
    }

    /** Staff read their own department's queues only; supervisors and admins name the department. */
    private static String departmentOf(Caller caller, String asked, String whenMissing) {
        if (caller.is(Role.STAFF)) {
            if (asked != null && !asked.equals(caller.department())) {
                throw new ForbiddenException("staff read their own department's queues only");
            }
            return caller.department();
        }
        if (asked == null || asked.isBlank()) {
            throw new ValidationException("department", whenMissing);
        }
        return asked;
    }
}

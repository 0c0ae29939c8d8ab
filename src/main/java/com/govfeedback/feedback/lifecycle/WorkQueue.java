package com.govfeedback.feedback.lifecycle;

import java.util.regex.Pattern;

import com.govfeedback.auth.Caller;
import com.govfeedback.auth.Role;
import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.access.CaseAccess;
import com.govfeedback.feedback.store.FeedbackKeys;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.view.FeedbackPage;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.Pages;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.sla.Colour;

/**
 * The work queues, nearest deadline first: a department's ({@code QUEUE#{department}} of the ByQueue index) and the manual
 * triage queue ({@code QUEUE#REVIEW}, where a feedback waits while triage asks for a review). Status and colour filter the
 * page. Staff read their own department's queue; supervisors and admins any queue and the triage queue.
 */
public final class WorkQueue {
    private static final String CURSOR_KIND = "q1:";
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

    private static String queueName(Caller caller, CaseRequests.QueueRequest request) {
        boolean review = Boolean.TRUE.equals(request.review());
        if (caller.is(Role.STAFF)) {
            if (review) {
                throw new ForbiddenException("the manual triage queue is for supervisors");
            }
            if (request.department() != null && !request.department().equals(caller.department())) {
                throw new ForbiddenException("staff read their own department's queue only");
            }
            return caller.department();
        }
        if (review) {
            return FeedbackKeys.REVIEW_QUEUE;
        }
        if (request.department() == null || request.department().isBlank()) {
            throw new ValidationException("department", "is required for a supervisor or admin (or review: true)");
        }
        return request.department();
    }
}

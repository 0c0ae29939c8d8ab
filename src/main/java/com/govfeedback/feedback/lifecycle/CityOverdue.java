package com.govfeedback.feedback.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.govfeedback.auth.Caller;
import com.govfeedback.feedback.Feedback;
import com.govfeedback.feedback.store.FeedbackKeys;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.view.FeedbackView;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.ValidationException;

/**
 * The overdue cases of the whole city, for leaders: per department, and in the manual triage queue, the head of its
 * work queue (ByQueue, nearest deadline first) up to now, the most overdue first. One index query per department, never a Scan; an overdue case
 * carries its escalation level, which the sweep raised when its deadline passed.
 */
public final class CityOverdue {
    /** How many of each department's most overdue cases are read unless asked otherwise, and at most: a leader's list, not a work queue. */
    public static final int PER_DEPARTMENT = 20;
    public static final int MAX_PER_DEPARTMENT = 100;

    private final FeedbackRepository repository;
    private final FeedbackViews views;
    private final Clock clock;

    public CityOverdue(FeedbackRepository repository, FeedbackViews views, Clock clock) {
        this.repository = repository;
        this.views = views;
        this.clock = clock;
    }

    public List<FeedbackView> list(Caller caller, List<String> departments, Integer perDepartment) {
        if (!caller.seesAllDepartments()) {
            throw new ForbiddenException("the city-wide overdue list is for supervisors and admins");
        }
        if (perDepartment != null && (perDepartment < 1 || perDepartment > MAX_PER_DEPARTMENT)) {
            throw new ValidationException("perDepartment", "must be between 1 and " + MAX_PER_DEPARTMENT);
        }
        int limit = perDepartment == null ? PER_DEPARTMENT : perDepartment;
        Instant now = clock.instant();
        List<Feedback> overdue = new ArrayList<>();
        List<String> queues = new ArrayList<>(departments);
        queues.add(FeedbackKeys.REVIEW_QUEUE); // a case waiting for triage review is in no department's queue yet
        for (String queue : queues) {
            overdue.addAll(repository.listQueueDueBefore(FeedbackKeys.queuePartition(queue), now, limit));
        }
        overdue.sort(Comparator.comparing(Feedback::nearestDueAt).thenComparing(Feedback::id));
        return views.of(caller, overdue);
    }
}

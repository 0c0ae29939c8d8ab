package com.govfeedback.api;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import com.govfeedback.feedback.lifecycle.CityOverdue;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.feedback.view.FeedbackView;
import com.govfeedback.feedback.view.FeedbackViews;
import com.govfeedback.triage.Triage;

import io.quarkus.funqy.Funq;

/** The leaders' city-wide list of overdue (and so escalated) cases: one queue query per department. */
@MaskedRequests
public class OverdueFunctions {
    @Inject
    CityOverdue overdue;
    @Inject
    Triage triage;
    @Inject
    Callers callers;

    /** {@code perDepartment}: how many of each department's most overdue cases (default 20, at most 100). */
    public record OverdueRequest(Integer perDepartment) {
    }

    public record OverdueList(List<FeedbackView> items) {
    }

    @Funq("queue/overdue")
    @ApiDoc(summary = "Overdue cases of every department, the most overdue first (at most " + CityOverdue.PER_DEPARTMENT
            + " per department unless asked), with their escalation level", roles = { "supervisor", "admin" }, errors = { 401, 403, 422 })
    public OverdueList list(OverdueRequest request) {
        List<String> departments = triage.taxonomy().domains().stream().map(d -> d.departmentCode()).distinct().toList();
        return new OverdueList(overdue.list(callers.current(), departments, request == null ? null : request.perDepartment()));
    }

    @ApplicationScoped
    static class Wiring {
        @Produces
        @ApplicationScoped
        CityOverdue cityOverdue(FeedbackRepository repository, FeedbackViews views, Clock clock) {
            return new CityOverdue(repository, views, clock);
        }
    }
}

package com.govfeedback.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import com.govfeedback.feedback.similar.SimilarFeedback;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.insights.DashboardFigures;
import com.govfeedback.insights.InsightStore;
import com.govfeedback.shared.ForbiddenException;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.sla.CityZone;

import io.quarkus.funqy.Funq;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The leaders' dashboard figures: the aggregate items of a date range, one query per day (docs/insights.md). */
@MaskedRequests
public class InsightFunctions {
    /** The longest range one request may read: a quarter. */
    static final int MAX_DAYS = 92;

    @Inject
    DashboardFigures figures;
    @Inject
    Callers callers;

    /** {@code from} and {@code to} are Beijing dates ({@code yyyy-MM-dd}), both included; the last 30 days when absent. */
    public record DashboardRequest(String from, String to) {
    }

    /** One aggregate item: a day, a department and its counters ({@code score.5}…). */
    public record Cell(LocalDate day, String department, Map<String, Long> counters) {
    }

    /** A domain's day: feedback received ({@code fb}), the negative ones ({@code neg}), ratings given ({@code score.{1..5}}). */
    public record DomainCell(LocalDate day, String domain, Map<String, Long> counters) {
    }

    /** A department's counters summed over the range. */
    public record DepartmentTotals(String department, Map<String, Long> counters) {
    }

    /**
     * @param counts        per department, counts and clock times summed over the range
     * @param ratings       per day and department
     * @param clusters      per department, the feedback that joined each of the labelled clusters in the range ({@code c.{cluster id}})
     * @param domains       per day and domain, from {@code from − 7 days} (the spikes' trailing mean) to {@code to}
     * @param clusterLabels the most reported clusters (the city's first 10 and each department's) named by their first feedback
     */
    public record Dashboard(LocalDate from, LocalDate to, List<DepartmentTotals> counts, List<Cell> ratings, List<DepartmentTotals> clusters,
            List<DomainCell> domains,
            List<DashboardFigures.ClusterLabel> clusterLabels) {
    }

    @Funq("insights/dashboard")
    @ApiDoc(summary = "The dashboard's aggregates for a date range (at most 92 days): counts per colour and status, clock times "
            + "and cluster reports, per department summed over the range; ratings per day and department; feedback per day "
            + "and domain (and the 7 days before); the top clusters named", roles = { "supervisor", "admin" }, errors = { 401, 403, 422 })
    public Dashboard dashboard(DashboardRequest request) {
        if (!callers.current().seesAllDepartments()) {
            throw new ForbiddenException("the dashboard is for supervisors and admins");
        }
        LocalDate to = date(request == null ? null : request.to(), "to", LocalDate.now(CityZone.ZONE));
        LocalDate from = date(request == null ? null : request.from(), "from", to.minusDays(29));
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ValidationException("from", "must be on or before 'to' and at most " + MAX_DAYS + " days before it");
        }
        DashboardFigures.Figures read = figures.read(from, to);
        return new Dashboard(from, to, totals(read.counts()), read.ratings().stream().map(i -> new Cell(i.cell().day(), i.cell().subject(),
                i.counters())).toList(), totals(read.clusters()),
                read.domains().stream().map(i -> new DomainCell(i.cell().day(), i.cell().subject(), i.counters())).toList(), read.clusterLabels());
    }

    private static List<DepartmentTotals> totals(List<DashboardFigures.Totals> totals) {
        return totals.stream().map(t -> new DepartmentTotals(t.subject(), t.counters())).toList();
    }

    private static LocalDate date(String text, String field, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a date, yyyy-MM-dd");
        }
    }

    @ApplicationScoped
    static class Wiring {
        @Produces
        @ApplicationScoped
        InsightStore insightStore(DynamoDbClient dynamo, ApiConfig config) {
            return new InsightStore(dynamo, config.tableName());
        }

        @Produces
        @ApplicationScoped
        DashboardFigures dashboardFigures(InsightStore insights, FeedbackRepository feedback, SimilarFeedback similar) {
            return new DashboardFigures(insights, feedback, similar);
        }
    }
}

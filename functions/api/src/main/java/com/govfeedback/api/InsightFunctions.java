package com.govfeedback.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import com.govfeedback.insights.InsightCell.Kind;
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
    InsightStore insights;
    @Inject
    Callers callers;

    /** {@code from} and {@code to} are Beijing dates ({@code yyyy-MM-dd}), both included; the last 30 days when absent. */
    public record DashboardRequest(String from, String to) {
    }

    /** One aggregate item: a day, a department and its counters ({@code n.RED.SUBMITTED}, {@code ack.RED.ms}, {@code score.5}…). */
    public record Cell(LocalDate day, String department, Map<String, Long> counters) {
    }

    public record Dashboard(LocalDate from, LocalDate to, List<Cell> counts, List<Cell> ratings) {
    }

    @Funq("insights/dashboard")
    @ApiDoc(summary = "The dashboard's aggregates for a date range (at most 92 days): counts and clock times per day, department, "
            + "colour and status; ratings per day and department", roles = { "supervisor", "admin" }, errors = { 401, 403, 422 })
    public Dashboard dashboard(DashboardRequest request) {
        if (!callers.current().seesAllDepartments()) {
            throw new ForbiddenException("the dashboard is for supervisors and admins");
        }
        LocalDate to = date(request == null ? null : request.to(), "to", LocalDate.now(CityZone.ZONE));
        LocalDate from = date(request == null ? null : request.from(), "from", to.minusDays(29));
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ValidationException("from", "must be on or before 'to' and at most " + MAX_DAYS + " days before it");
        }
        return new Dashboard(from, to, cells(Kind.COUNTS, from, to), cells(Kind.RATINGS, from, to));
    }

    private List<Cell> cells(Kind kind, LocalDate from, LocalDate to) {
        return insights.read(kind, from, to).stream().map(i -> new Cell(i.cell().day(), i.cell().subject(), i.counters())).toList();
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
    }
}

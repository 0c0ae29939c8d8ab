package com.govfeedback.api;

import java.time.Clock;

import jakarta.inject.Inject;

import com.govfeedback.deploy.DeployNames;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.sla.SlaPreview;
import com.govfeedback.triage.Triage;
import com.govfeedback.triage.TriageResult;

import io.quarkus.funqy.Funq;

/** Previews that store nothing: a category while the citizen types, and the deadlines they would be given. */
@MaskedRequests
public class TriageAndSlaFunctions {
    @Inject
    Triage triage;
    @Inject
    SlaPreview preview;
    @Inject
    Callers callers;
    @Inject
    Clock clock;

    /** Text to classify, at most 2,000 characters. */
    public record ClassifyRequest(String text) {
    }

    /** A colour and, optionally, a submission time (ISO-8601 with offset); now when absent. */
    public record PreviewRequest(String colour, String submittedAt) {
    }

    @Funq("triage/classify")
    @ApiDoc(summary = "Classify a text and show its masked form; stores nothing", roles = { "citizen", "staff", "supervisor", "admin", "optimisation-office" },
            errors = { 401, 422 })
    public TriageResult classify(ClassifyRequest request) {
        callers.current();
        String text = Requests.require(request, "text").text();
        if (text == null || text.isBlank() || text.codePointCount(0, text.length()) > 2000) {
            throw new ValidationException("text", "must be 1 to 2,000 characters");
        }
        return triage.triage(text);
    }

    @Funq(DeployNames.SLA_PREVIEW_FUNCTION)
    @ApiDoc(summary = "The acknowledge and resolve deadlines for a colour and submission time", errors = { 422 })
    public SlaPreview.Result preview(PreviewRequest request) {
        PreviewRequest body = Requests.require(request, "colour");
        return preview.preview(body.colour(), body.submittedAt(), clock.instant());
    }
}

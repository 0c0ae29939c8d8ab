package com.govfeedback.api;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;

import com.govfeedback.feedback.Status;
import com.govfeedback.feedback.lifecycle.StateMachine;
import com.govfeedback.improvement.ImprovementStatus;
import com.govfeedback.improvement.Tracker;
import com.govfeedback.triage.Taxonomy;
import com.govfeedback.triage.Triage;

import io.quarkus.funqy.Funq;

/**
 * The code lists a console shows (colours, types, domains, departments, statuses and their moves, the improvement tracker's
 * statuses and moves), read from the taxonomy, the state machine and the tracker's data file.
 */
@MaskedRequests
public class ReferenceFunctions {
    @Inject
    Triage triage;
    @Inject
    Tracker tracker;

    /** A code and its Chinese name. */
    public record Named(String code, String name) {
    }

    /** A service domain, its Chinese name and the department that leads its feedback. */
    public record DomainEntry(String code, String name, String department) {
    }

    /** A status, its Chinese name and the statuses {@code feedback/transition} (or {@code improvement/move}) may move it to. */
    public record StatusEntry(String code, String name, List<String> next) {
    }

    public record ReferenceLists(List<Named> colours, List<Named> types, List<DomainEntry> domains, List<Named> departments, List<StatusEntry> statuses,
            List<StatusEntry> improvementStatuses) {
    }

    @Funq("reference/lists")
    @ApiDoc(summary = "Colours, types, domains (with their lead department), departments, statuses and improvement statuses with their "
            + "Chinese names and allowed moves; stores nothing")
    public ReferenceLists lists() {
        var taxonomy = triage.taxonomy();
        // most urgent first, as the console lists them
        List<Named> colours = taxonomy.colours().stream().sorted(Comparator.comparing(Taxonomy.ColourName::colour))
                .map(c -> new Named(c.colour().name(), c.name())).toList();
        List<Named> types = taxonomy.types().stream().map(t -> new Named(t.code(), t.name())).toList();
        List<DomainEntry> domains = taxonomy.domains().stream().map(d -> new DomainEntry(d.code(), d.name(), d.departmentCode())).toList();
        List<Named> departments = taxonomy.domains().stream().map(d -> new Named(d.departmentCode(), d.departmentName())).distinct().toList();
        List<StatusEntry> statuses = Arrays.stream(Status.values())
                .map(s -> new StatusEntry(s.name(), s.chineseName(), StateMachine.allowedFrom(s).stream().map(Status::name).toList()))
                .toList();
        List<StatusEntry> improvementStatuses = Arrays.stream(ImprovementStatus.values())
                .map(s -> new StatusEntry(s.name(), tracker.label(s), tracker.allowedFrom(s).stream().map(ImprovementStatus::name).toList()))
                .toList();
        return new ReferenceLists(colours, types, domains, departments, statuses, improvementStatuses);
    }
}

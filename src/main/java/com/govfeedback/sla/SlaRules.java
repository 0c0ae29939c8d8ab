package com.govfeedback.sla;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The SLA part of the core, built once from its data: the shipped policy and calendar, or an operator's files (a
 * policy.json; a folder with index.json and the year files). Invalid data stops start-up with {@link SlaDataException}.
 */
public record SlaRules(SlaPolicy policy, WorkingCalendar calendar, DeadlineCalculator calculator, SlaClocks clocks, SlaTimers timers,
        SlaPreview preview) {

    public static SlaRules load(Optional<Path> policyFile, Optional<Path> calendarDirectory) {
        SlaPolicy policy = policyFile.map(SlaPolicy::load).orElseGet(SlaPolicy::loadDefault);
        WorkingCalendar calendar = calendarDirectory.map(WorkingCalendar::load).orElseGet(WorkingCalendar::loadDefault);
        DeadlineCalculator calculator = new DeadlineCalculator(calendar);
        SlaClocks clocks = new SlaClocks(policy, calculator);
        return new SlaRules(policy, calendar, calculator, clocks, new SlaTimers(policy, clocks, calculator), new SlaPreview(clocks, calendar));
    }
}

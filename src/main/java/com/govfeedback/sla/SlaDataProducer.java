package com.govfeedback.sla;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Makes the SLA policy and calendar available for injection: the shipped classpath data, or an operator's files
 * named by the environment variables {@value #POLICY_FILE} (a policy.json) and {@value #CALENDAR_DIR} (a folder
 * with index.json and the year files). Loaded once; invalid data stops start-up with {@link SlaDataException}.
 */
@Singleton
public class SlaDataProducer {
    static final String POLICY_FILE = "SLA_POLICY_FILE";
    static final String CALENDAR_DIR = "SLA_CALENDAR_DIR";

    @Produces
    @Singleton
    SlaPolicy policy() {
        String file = System.getenv(POLICY_FILE);
        return file == null || file.isBlank() ? SlaPolicy.loadDefault() : SlaPolicy.load(Path.of(file));
    }

    @Produces
    @Singleton
    WorkingCalendar calendar() {
        String directory = System.getenv(CALENDAR_DIR);
        return directory == null || directory.isBlank() ? WorkingCalendar.loadDefault()
                : WorkingCalendar.load(Path.of(directory));
    }
}

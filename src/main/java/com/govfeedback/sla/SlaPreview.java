package com.govfeedback.sla;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The deadlines a citizen would be given if they submitted now ({@code POST /sla/preview}); also checks calendar data. */
@ApplicationScoped
public class SlaPreview {
    private final SlaClocks clocks;

    public SlaPreview(SlaClocks clocks) {
        this.clocks = clocks;
    }

    /** The colour's deadlines; per-type exceptions (PRAISE has no resolution deadline) are not part of a preview. */
    public record Result(Instant ackDueAt, Instant resolveDueAt, boolean calendarKnown) {
    }

    public Result preview(Colour colour, Instant submittedAt) {
        SlaView view = clocks.view(clocks.start(colour, null, submittedAt), submittedAt);
        return new Result(view.acknowledge().dueAt(), view.resolve().dueAt(), view.calendarKnown());
    }
}

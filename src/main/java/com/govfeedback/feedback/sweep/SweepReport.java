package com.govfeedback.feedback.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one sweep run did (or, in a dry run, would have done).
 *
 * @param examined         due items looked at
 * @param warned           warning points applied
 * @param breached         breaches recorded
 * @param escalated        escalation levels raised
 * @param deferredNotices  quarterly progress notices written for DEFERRED feedback
 * @param redriven         pending notifications re-driven (rewritten so the stream carries them again)
 * @param dead             notifications marked DEAD after their last attempt
 * @param conflicts        items someone else changed between read and write; they stay due for the next run
 * @param leftForLater     due items read but not handled because the time limit came
 * @param overdueUnhandled items owing a breach or escalation that this run did not write (conflict or time limit):
 *                         the {@code OverdueUnhandled} metric
 * @param read             items the due-index queries read (to compare with the items that were due)
 * @param complete         false when the run stopped before it had read every shard to the end
 * @param dryRun           true when nothing was written
 */
public record SweepReport(int examined, int warned, int breached, int escalated, int deferredNotices, int redriven, int dead,
        int conflicts, int leftForLater, int overdueUnhandled, int read, boolean complete, boolean dryRun) {

    /** The counts by name, in a fixed order: the handler's answer, the log line and the metric line's properties. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("examined", examined);
        map.put("warned", warned);
        map.put("breached", breached);
        map.put("escalated", escalated);
        map.put("deferredNotices", deferredNotices);
        map.put("redriven", redriven);
        map.put("dead", dead);
        map.put("conflicts", conflicts);
        map.put("leftForLater", leftForLater);
        map.put("overdueUnhandled", overdueUnhandled);
        map.put("read", read);
        map.put("complete", complete);
        map.put("dryRun", dryRun);
        return map;
    }
}

package com.govfeedback.training;

import com.govfeedback.triage.text.Hashing;

/**
 * The deterministic train / held-out split: a line is held out when a hash of its model text
 * (masked and normalised) falls in the lowest {@value #HELD_OUT_PERCENT}%. Hashing the normalised
 * form keeps a traditional-script copy of a sentence on the same side as its simplified original.
 */
public final class HeldOutSplit {
    public static final int HELD_OUT_PERCENT = 15;

    private HeldOutSplit() {
    }

    public static boolean isHeldOut(String modelText) {
        int[] cps = modelText.codePoints().toArray();
        long h = Hashing.mix(Hashing.fnv(cps, 0, cps.length));
        return Long.remainderUnsigned(h, 100) < HELD_OUT_PERCENT;
    }
}

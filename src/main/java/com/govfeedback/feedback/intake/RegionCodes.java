package com.govfeedback.feedback.intake;

import java.util.Set;

/**
 * Checks administrative division codes (GB/T 2260): six digits whose first two name one of the
 * 34 province-level divisions, then a prefecture and a county part. The full county list changes
 * every year, so this checks the structure rather than a list that would go stale.
 */
public final class RegionCodes {
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    private RegionCodes() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        // a county part without a prefecture part (e.g. 110001) names nothing
        return PROVINCES.contains(code.substring(0, 2)) && !(code.startsWith("00", 2) && !code.startsWith("00", 4));
    }
}

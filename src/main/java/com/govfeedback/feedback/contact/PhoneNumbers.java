package com.govfeedback.feedback.contact;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Callback phone numbers: a mainland mobile number (11 digits from 13 to 19) or a fixed line with its area code (0 then
 * 9 to 11 digits in all), optionally written with +86 or 0086, spaces, dashes or brackets. Stored as digits only.
 */
public final class PhoneNumbers {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()（）]");
    private static final Pattern COUNTRY = Pattern.compile("^(\\+86|0086)");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern FIXED_LINE = Pattern.compile("0[1-9]\\d{8,10}");
    /** Digits shown at each end of a masked number. */
    private static final int SHOWN_FIRST = 3;
    private static final int SHOWN_LAST = 4;

    private PhoneNumbers() {
    }

    /** The number as digits, or empty when it is not a mainland mobile or fixed-line number. */
    public static Optional<String> normalise(String written) {
        String digits = COUNTRY.matcher(SEPARATORS.matcher(written.strip()).replaceAll("")).replaceFirst("");
        return MOBILE.matcher(digits).matches() || FIXED_LINE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** The first three and last four digits, the rest hidden: {@code 138****5678}, {@code 075****5678}. */
    public static String mask(String digits) {
        return digits.substring(0, SHOWN_FIRST) + "****" + digits.substring(digits.length() - SHOWN_LAST);
    }
}

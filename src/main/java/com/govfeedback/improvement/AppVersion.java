package com.govfeedback.improvement;

import java.util.ArrayList;
import java.util.List;

import com.govfeedback.shared.ValidationException;

/**
 * An app version such as {@code 5.10.0} or {@code 5.11.0-beta.2}: numeric parts compare as numbers (5.10.0 > 5.9.2),
 * missing parts count as 0 (5.9 = 5.9.0), and a pre-release suffix sorts before the release it precedes
 * (5.11.0-beta < 5.11.0), suffixes comparing part by part like semantic versions.
 */
public record AppVersion(List<Integer> numbers, List<String> preRelease) implements Comparable<AppVersion> {
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern
            .compile("v?(\\d{1,6}(?:\\.\\d{1,6}){0,3})(?:-([0-9A-Za-z.-]{1,40}))?(?:\\+[0-9A-Za-z.-]{0,40})?");

    public static AppVersion parse(String text, String field) {
        var matcher = text == null ? null : SHAPE.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            throw new ValidationException(field, "expected an app version such as 5.10.0 or 5.11.0-beta, got " + text);
        }
        List<Integer> numbers = new ArrayList<>();
        for (String part : matcher.group(1).split("\\.")) {
            numbers.add(Integer.parseInt(part));
        }
        while (numbers.size() > 1 && numbers.get(numbers.size() - 1) == 0) {
            numbers.remove(numbers.size() - 1);
        }
        List<String> pre = matcher.group(2) == null ? List.of() : List.of(matcher.group(2).split("[.-]"));
        return new AppVersion(List.copyOf(numbers), pre);
    }

    /** True when the text parses; a feedback without a usable version cannot be compared. */
    public static boolean isValid(String text) {
        return text != null && SHAPE.matcher(text.trim()).matches();
    }

    @Override
    public int compareTo(AppVersion other) {
        int length = Math.max(numbers.size(), other.numbers.size());
        for (int i = 0; i < length; i++) {
            int c = Integer.compare(partOf(numbers, i), partOf(other.numbers, i));
            if (c != 0) {
                return c;
            }
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            int c = comparePreRelease(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    public boolean isBelow(AppVersion other) {
        return compareTo(other) < 0;
    }

    private static int partOf(List<Integer> parts, int i) {
        return i < parts.size() ? parts.get(i) : 0;
    }

    /** Numeric identifiers compare as numbers and sort before alphanumeric ones, as in semantic versioning. */
    private static int comparePreRelease(String a, String b) {
        boolean aNumeric = a.chars().allMatch(Character::isDigit);
        boolean bNumeric = b.chars().allMatch(Character::isDigit);
        if (aNumeric && bNumeric) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareToIgnoreCase(b);
    }
}

package com.govfeedback.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * Paging rules shared by every listing: the page size a client may ask for, and opaque cursors. A cursor is a kind
 * prefix and the position of the last item read (an id, or an index sort key), so it can never reach another partition
 * and a cursor of one listing is refused by another.
 */
public final class Pages {
    public static final int MAX_PAGE_SIZE = 50;
    public static final int DEFAULT_PAGE_SIZE = 20;

    private Pages() {
    }

    /** The page size asked for, or the default; 422 outside 1–{@value #MAX_PAGE_SIZE}. */
    public static int size(Integer limit) {
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return size;
    }

    public static String encode(String kind, String position) {
        return position == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString((kind + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a cursor of {@code kind}; null for no cursor; 422 for anything this service did not issue. */
    public static String decode(String kind, String cursor, Predicate<String> wellFormed) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String position = text.startsWith(kind) ? text.substring(kind.length()) : null;
            if (position != null && wellFormed.test(position)) {
                return position;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        throw new ValidationException("cursor", "is not a cursor this service issued");
    }
}

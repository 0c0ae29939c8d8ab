package com.govfeedback.triage.text;

/**
 * A text as the masking rules read it, with the way back to the text's own indices. Characters that show nothing
 * (zero-width spaces and joiners, soft hyphens, variation selectors, combining marks) are left out, so they cannot split
 * a number; full-width forms become ASCII, latin letters lower case, every kind of space a space and every dash
 * {@code -}; a decimal digit of any script ({@code ８}, {@code 𝟖}, {@code ٨}) and a circled digit ({@code ⑧}) become its
 * ASCII digit. Chinese numerals stay as they are: {@link #digit} reads them.
 */
final class FoldedText {
    /** What a found span reads as once found. */
    private static final char BLANK = '\uFFFC';
    final char[] chars;
    /** Where {@code chars[i]} starts in the text. */
    final int[] starts;
    /** Where {@code chars[i]} ends in the text (exclusive). */
    final int[] ends;
    final int length;
    /** Whether the text has a digit or a Chinese numeral, and an {@code @}: without either there is nothing to mask. */
    final boolean hasDigit;
    final boolean hasAt;
    private final MaskingRules rules;

    FoldedText(String text, MaskingRules rules) {
        this.rules = rules;
        int n = text.length();
        char[] folded = new char[n];
        int[] from = new int[n];
        int[] to = new int[n];
        int k = 0;
        boolean digit = false;
        boolean at = false;
        for (int i = 0; i < n; ) {
            char unit = text.charAt(i);
            int next = i + 1;
            int cp = unit;
            if (Character.isHighSurrogate(unit) && next < n && Character.isLowSurrogate(text.charAt(next))) {
                cp = Character.toCodePoint(unit, text.charAt(next++));
            }
            char c = fold(cp);
            if (c != 0) {
                digit |= c >= '0' && c <= '9' || c >= 0x3000 && rules.chineseDigit(c) >= 0;
                at |= c == '@';
                folded[k] = c;
                from[k] = i;
                to[k] = next;
                k++;
            } else if (k > 0) {
                to[k - 1] = next;
            }
            i = next;
        }
        this.chars = folded;
        this.starts = from;
        this.ends = to;
        this.length = k;
        this.hasDigit = digit;
        this.hasAt = at;
    }

    /** Hides {@code [start, end)} from every later rule: what was found there is neither a number nor a word. */
    void blank(int start, int end) {
        java.util.Arrays.fill(chars, start, end, BLANK);
    }

    /** The digit at {@code i}: an ASCII digit after folding or a Chinese numeral; -1 for anything else. */
    int digit(int i) {
        char c = chars[i];
        return c >= '0' && c <= '9' ? c - '0' : c >= 0x3000 ? rules.chineseDigit(c) : -1;
    }

    boolean isChineseNumeral(int i) {
        return chars[i] >= 0x3000 && rules.chineseDigit(chars[i]) >= 0;
    }

    boolean isLatin(int i) {
        return i >= 0 && i < length && chars[i] >= 'a' && chars[i] <= 'z';
    }

    boolean isAsciiDigit(int i) {
        return i >= 0 && i < length && chars[i] >= '0' && chars[i] <= '9';
    }

    /** The character as the rules see it, or 0 for one that shows nothing. */
    private static char fold(int cp) {
        if (cp >= 'A' && cp <= 'Z') {
            return (char) (cp + ('a' - 'A'));
        }
        if (cp < 0x80) {
            return cp == '\t' || cp == '\n' || cp == '\r' ? ' ' : (char) cp;
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            return (char) cp;
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            return fold(cp - 0xFEE0);
        }
        switch (Character.getType(cp)) {
            case Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK:
                return 0;
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                return ' ';
            case Character.DASH_PUNCTUATION:
                return '-';
            case Character.DECIMAL_DIGIT_NUMBER:
                return (char) ('0' + Character.digit(cp, 10));
            case Character.OTHER_NUMBER:
                return circledDigit(cp);
            default:
                break;
        }
        if (cp == 0xFFE5) {
            return '\u00A5';
        }
        if (cp == 0x00B7 || cp == 0x30FB || cp == 0x2027) {
            return '.';
        }
        return cp > Character.MAX_VALUE ? BLANK : (char) cp;
    }

    /** ① ⑴ ⒈ ⓵ … as their digit; superscripts, subscripts and fractions are not digits of a number here. */
    private static char circledDigit(int cp) {
        boolean superOrSubscript = cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || cp >= 0x2070 && cp <= 0x209F;
        int value = Character.getNumericValue(cp);
        return !superOrSubscript && value >= 0 && value <= 9 ? (char) ('0' + value) : (char) cp;
    }
}

package com.govfeedback.triage.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.govfeedback.triage.text.MaskingRules.Context;
import com.govfeedback.triage.text.MaskingRules.Nearest;

/**
 * Replaces personal data (resident ID, phone, bank card, e-mail, QQ and passport numbers) with a placeholder that names
 * its kind, so the raw value never reaches storage, logs, notifications or the model. The words and placeholders are
 * data ({@link MaskingRules}); docs/security.md#masking lists the rules and their measured recall.
 *
 * <p>The text is read through {@link FoldedText}: full-width, mathematical and other-script digits count as digits,
 * zero-width characters and combining marks do not split a number, and a run of at least seven Chinese numerals
 * ({@code 一三八…}, {@code 幺}, {@code 两}) is read as digits. A number is a run of digit groups joined by spaces, dashes
 * or parentheses, or by dots, slashes and underscores between groups of three digits or more (so {@code 138.1234.5678}
 * is a number and {@code 2026.12.01}, {@code 12.50} and {@code 5.3.1} are not), optionally led by {@code +}. Rules, in
 * order (first match wins), on the longest run of groups first:
 * <ul>
 *   <li>country code (+86 / 0086 / 86-, +852, +853): mainland mobile {@code 1[3-9]} + 9 digits → {@code 138****5678};
 *       +852 + 8 digits starting 4–9 → {@code [香港手机]}; +853 + 8 digits starting 6 → {@code [澳门手机]}; other
 *       landlines behind those codes → {@code [电话]};</li>
 *   <li>18 digits (last may be X) with a valid province code, birth date and GB 11643 check digit, or 15 digits with a
 *       valid province code and birth date → {@code [身份证号]}, wherever it stands;</li>
 *   <li>an amount (a unit such as 元 or % after it, a currency sign before it) and a number directly introduced by a
 *       reference word (订单号, 编号, 案件号, 流水号, 金额…: nothing but connectors such as {@code ：} or 是 between) are
 *       left alone; so is a number touching a latin letter unless a phone, ID, card or QQ word stands before it
 *       ({@code tel13812345678} is masked, {@code SN2024…}, {@code JDVA…} are not);</li>
 *   <li>18 characters with a province code and a birth date but a wrong check digit (a mistyped ID), or 15/18
 *       characters after an ID word → {@code [身份证号]};</li>
 *   <li>5–11 digits after a QQ word → {@code [QQ号]}; 8–9 digits after a passport or permit word → {@code [证件号]};</li>
 *   <li>11 digits {@code 1[3-9]…} → {@code 138****5678}; a leading 0, a 2–3 digit area code and a 7–8 digit number
 *       starting 2–9 → {@code [电话]}; 16–19 digits passing Luhn, starting as a card does (3, 4, 5, 6, 8, 9) and not
 *       with a yyyyMMdd date → {@code [银行卡号]}; 12–19 digits after a card or account word → {@code [银行卡号]};</li>
 *   <li>7–8 digits starting 2–9 after a phone or person word (电话, 联系, 当事人, 快递员, WhatsApp…) →
 *       {@code [电话]}: a Hong Kong or Macau number written without its country code; eight digits that read as a date
 *       ({@code 20000203}) only when the word introduces them directly.</li>
 * </ul>
 * Before numbers: e-mail addresses (an ASCII or Chinese local part; a Chinese one starts after the last lead word such as
 * 邮箱 or 是) → {@code [邮箱]}; one or two letters and 7–9 digits after a passport or permit word ({@code E12345678}) →
 * {@code [证件号]}; the service's own tracking numbers ({@code 261129-7KX4-M2QD}) are kept as they are.
 */
public final class PersonalDataMasker {
    public enum Kind { ID_CARD, MOBILE, PHONE, HK_MOBILE, MACAU_MOBILE, BANK_CARD, EMAIL, QQ, PASSPORT }

    /** One item of personal data: {@code [start, end)} in the text, and what replaces it. */
    public record Finding(int start, int end, Kind kind, String replacement) {
    }

    private static final String[] COUNTRY_CODES = {"852", "853", "86"};
    private static final String[] INTERNATIONAL_PREFIXES = {"00852", "00853", "0086"};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_CHARS = "10X98765432";
    /** No rule masks a shorter number (a QQ number has five digits or more) or a longer one (a card with 0086). */
    private static final int MIN_DIGITS = 5;
    private static final int MAX_DIGITS = 20;
    /** Fewer Chinese numerals than this in a row are words (一一, 三三两两), not a number. */
    private static final int MIN_CHINESE_NUMERAL_DIGITS = 7;
    /** At most this many separators between two groups ({@code 138 - 1234}). */
    private static final int MAX_SEPARATOR = 3;
    /** Groups joined by a dot, slash or underscore, and those of a number a word speaks of, have at least this many digits. */
    private static final int MIN_WEAKLY_JOINED_GROUP = 3;
    /** A Chinese local part is a name: at most this many Chinese characters before the {@code @} are taken. */
    private static final int MAX_CHINESE_IN_LOCAL_PART = 6;

    private final MaskingRules rules;

    public PersonalDataMasker() {
        this(MaskingRules.loadDefault());
    }

    public PersonalDataMasker(MaskingRules rules) {
        this.rules = rules;
    }

    /** Returns the text with every personal-data item replaced; {@code null} stays {@code null}. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<Finding> findings = find(text);
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Finding finding : findings) {
            out.append(text, at, finding.start()).append(finding.replacement());
            at = finding.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Every personal-data item in the text, in text order, none overlapping another. */
    public List<Finding> find(String text) {
        List<Finding> findings = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return findings;
        }
        FoldedText f = new FoldedText(text, rules);
        if (!f.hasDigit && !f.hasAt) {
            return findings;
        }
        Sink sink = (start, end, kind, replacement) -> {
            f.blank(start, end);
            if (kind != null) {
                findings.add(new Finding(f.starts[start], f.ends[end - 1], kind, replacement));
            }
        };
        keepTrackingNumbers(f, sink);
        if (f.hasAt) {
            findEmails(f, sink);
        }
        findPassports(f, sink);
        findNumbers(f, sink);
        findings.sort(Comparator.comparingInt(Finding::start));
        return findings;
    }

    /** Receives a span of the folded text, blanked once found; a null kind only marks it as read (not personal data). */
    private interface Sink {
        void accept(int start, int end, Kind kind, String replacement);
    }

    /** The service's tracking numbers ({@code yyMMdd-XXXX-XXXX}, Crockford base32) are references, not personal data. */
    private static void keepTrackingNumbers(FoldedText f, Sink sink) {
        for (int i = 0; i + 16 <= f.length; i++) {
            if (f.chars[i + 6] == '-' && f.chars[i + 11] == '-' && (i == 0 || !isAlphanumeric(f, i - 1))
                    && (i + 16 == f.length || !isAlphanumeric(f, i + 16)) && allAsciiDigits(f, i, i + 6)
                    && allAlphanumeric(f, i + 7, i + 11) && allAlphanumeric(f, i + 12, i + 16)) {
                sink.accept(i, i + 16, null, null);
                i += 15;
            }
        }
    }

    private void findEmails(FoldedText f, Sink sink) {
        for (int at = 1; at < f.length - 3; at++) {
            if (f.chars[at] != '@') {
                continue;
            }
            int domainEnd = domainEnd(f, at + 1);
            if (domainEnd < 0) {
                continue;
            }
            int start = at;
            int chinese = 0;
            while (start > 0 && isLocalPartChar(f.chars[start - 1])
                    && (f.chars[start - 1] < 0x80 || chinese++ < MAX_CHINESE_IN_LOCAL_PART)) {
                start--;
            }
            if (chinese > 0) {
                start = rules.afterLeadWord(f.chars, start, at);
            }
            while (start < at && f.chars[start] == '.') {
                start++;
            }
            if (start < at) {
                sink.accept(start, domainEnd, Kind.EMAIL, rules.placeholder(Kind.EMAIL));
                at = domainEnd;
            }
        }
    }

    /** The end of a domain name ({@code example.com.cn}) starting at {@code from}, or -1 when there is none. */
    private static int domainEnd(FoldedText f, int from) {
        int i = from;
        int lastDot = -1;
        int end = -1;
        while (true) {
            int labelStart = i;
            while (i < f.length && (isAsciiAlphanumeric(f.chars[i]) || f.chars[i] == '-' && i > labelStart)) {
                i++;
            }
            int labelEnd = i;
            while (labelEnd > labelStart && f.chars[labelEnd - 1] == '-') {
                labelEnd--;
            }
            if (labelEnd == labelStart) {
                return end;
            }
            if (lastDot >= 0 && labelEnd - labelStart >= 2 && allLatin(f, labelStart, labelEnd)) {
                end = labelEnd;
            }
            if (labelEnd < f.length && f.chars[labelEnd] == '.' && labelEnd == i) {
                lastDot = labelEnd;
                i = labelEnd + 1;
            } else {
                return end;
            }
        }
    }

    private static boolean isLocalPartChar(char c) {
        return isAsciiAlphanumeric(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
                || c >= 0x80 && Character.isLetterOrDigit(c);
    }

    /** One or two letters and 7–9 digits ({@code E12345678}, {@code EA1234567}) after a passport or permit word. */
    private void findPassports(FoldedText f, Sink sink) {
        for (int i = 0; i < f.length; i++) {
            if (!f.isLatin(i) || f.isLatin(i - 1) || f.isAsciiDigit(i - 1)) {
                continue;
            }
            int letters = f.isLatin(i + 1) ? 2 : 1;
            int end = i + letters;
            while (f.isAsciiDigit(end)) {
                end++;
            }
            int digits = end - i - letters;
            if (digits >= 7 && digits <= 9 && !f.isLatin(end) && !f.isAsciiDigit(end)
                    && rules.nearestBefore(f.chars, i).context() == Context.PASSPORT) {
                sink.accept(i, end, Kind.PASSPORT, rules.placeholder(Kind.PASSPORT));
                i = end;
            }
        }
    }

    /** How a group is joined to the one before it: as part of one number, or by a decimal point, date or version dot. */
    private enum Join { FIRST, FIRM, LOOSE }

    private record Group(int start, int end, Join join) {
    }

    /** What a number is and what replaces it. */
    private record Verdict(Kind kind, String replacement) {
    }

    private void findNumbers(FoldedText f, Sink sink) {
        int n = f.length;
        int i = 0;
        while (i < n) {
            if (f.digit(i) < 0 || i > 0 && f.digit(i - 1) >= 0) {
                i++;
                continue;
            }
            int runStart = i;
            if (runStart > 0 && (f.chars[runStart - 1] == '+' || f.chars[runStart - 1] == '(')) {
                runStart--;
            }
            List<Group> groups = groups(f, i);
            Group last = groups.get(groups.size() - 1);
            maskGroups(f, groups, f.chars[runStart] == '+' ? runStart : -1, runStart, sink);
            i = Math.max(last.end(), i + 1);
        }
    }

    /** The digit groups of one run from {@code i}: a change between Chinese numerals and digits also starts a group. */
    private static List<Group> groups(FoldedText f, int i) {
        List<Group> groups = new ArrayList<>(4);
        int n = f.length;
        int j = i;
        Join join = Join.FIRST;
        while (true) {
            int groupStart = j;
            boolean chinese = f.isChineseNumeral(j);
            while (j < n && f.digit(j) >= 0 && f.isChineseNumeral(j) == chinese) {
                j++;
            }
            if (j < n && f.chars[j] == 'x' && !f.isLatin(j + 1) && j - groupStart >= 3) {
                j++;
            }
            groups.add(new Group(groupStart, j, join));
            if (f.chars[j - 1] == 'x') {
                return groups;
            }
            if (j < n && f.digit(j) >= 0) {
                join = Join.FIRM;
                continue;
            }
            int sep = j;
            boolean weak = false;
            while (sep < n && sep - j < MAX_SEPARATOR && isSeparator(f.chars[sep])) {
                weak |= isWeakSeparator(f.chars[sep]);
                sep++;
            }
            if (sep == j || sep >= n || f.digit(sep) < 0) {
                return groups;
            }
            join = !weak || j - groupStart >= MIN_WEAKLY_JOINED_GROUP && digitsAhead(f, sep) >= MIN_WEAKLY_JOINED_GROUP ? Join.FIRM
                    : Join.LOOSE;
            j = sep;
        }
    }

    private static int digitsAhead(FoldedText f, int from) {
        int k = from;
        while (k < f.length && f.digit(k) >= 0) {
            k++;
        }
        return k - from;
    }

    /** Tries the longest run of consecutive groups first, so "0755 8888 1234" is one landline, not three numbers. */
    private void maskGroups(FoldedText f, List<Group> groups, int plusAt, int runStart, Sink sink) {
        int a = 0;
        while (a < groups.size()) {
            boolean found = false;
            for (int b = groups.size() - 1; b >= a && !found; b--) {
                if (!joinable(groups, a, b)) {
                    continue;
                }
                int start = a == 0 ? runStart : groups.get(a).start();
                int end = groups.get(b).end();
                Verdict verdict = classify(f, groups, a, b, a == 0 && plusAt >= 0, start, end);
                if (verdict != null) {
                    if (f.chars[start] == '(' && end < f.length && f.chars[end] == ')') {
                        end++;
                    }
                    sink.accept(start, end, verdict.kind(), verdict.replacement());
                    a = b + 1;
                    found = true;
                }
            }
            if (!found) {
                a++;
            }
        }
    }

    /** Groups a..b form one number: no loose join inside, and neither end is part of a decimal, date or version. */
    private static boolean joinable(List<Group> groups, int a, int b) {
        if (groups.get(a).join() == Join.LOOSE || b + 1 < groups.size() && groups.get(b + 1).join() == Join.LOOSE) {
            return false;
        }
        for (int g = a + 1; g <= b; g++) {
            if (groups.get(g).join() == Join.LOOSE) {
                return false;
            }
        }
        return true;
    }

    private Verdict verdict(Kind kind) {
        return new Verdict(kind, rules.placeholder(kind));
    }

    private Verdict classify(FoldedText f, List<Group> groups, int a, int b, boolean plus, int start, int end) {
        int length = 0;
        for (int g = a; g <= b; g++) {
            length += groups.get(g).end() - groups.get(g).start();
        }
        if (length < MIN_DIGITS || length > MAX_DIGITS) {
            return null;
        }
        StringBuilder digits = new StringBuilder(length);
        boolean chinese = false;
        for (int g = a; g <= b; g++) {
            for (int k = groups.get(g).start(); k < groups.get(g).end(); k++) {
                int digit = f.digit(k);
                digits.append(digit >= 0 ? (char) ('0' + digit) : 'X');
                chinese |= f.isChineseNumeral(k);
            }
        }
        String d = digits.toString();
        if (chinese && d.length() < MIN_CHINESE_NUMERAL_DIGITS) {
            return null;
        }
        Group first = groups.get(a);
        String firstGroup = d.substring(0, first.end() - first.start());
        Verdict international = withCountryCode(d, firstGroup, plus, b > a);
        if (international != null) {
            return international;
        }
        if (plus) {
            return null;
        }
        if (d.length() == 18 && isValidId18(d) || d.length() == 15 && isValidId15(d)) {
            return verdict(Kind.ID_CARD);
        }
        Nearest nearest = rules.nearestBefore(f.chars, start);
        Context context = nearest.context();
        boolean touchesLetter = f.isLatin(start - 1) || f.isLatin(end);
        if (touchesLetter && context != Context.PHONE && context != Context.ID && context != Context.CARD && context != Context.QQ) {
            return null;
        }
        if (context == Context.REFERENCE && nearest.direct() || rules.isAmount(f.chars, start, end)) {
            return null;
        }
        // a word says what a number is only of a whole number written as one (400-854-5932 holds no 7-digit phone,
        // 2005-04-24 11 is no QQ number); a card grouped in fours may end with a short group
        boolean whole = a == 0 && b == groups.size() - 1
                && groups.subList(0, b).stream().allMatch(g -> g.end() - g.start() >= MIN_WEAKLY_JOINED_GROUP);
        boolean introduced = whole && nearest.direct();
        if (hasIdShape(d) || whole && context == Context.ID && (d.length() == 18 || d.length() == 15 && allDigits(d))) {
            return verdict(Kind.ID_CARD);
        }
        if (!allDigits(d)) {
            return null;
        }
        if (introduced && context == Context.QQ && d.length() <= 11 && d.charAt(0) != '0') {
            return verdict(Kind.QQ);
        }
        if (introduced && context == Context.PASSPORT && (d.length() == 8 || d.length() == 9)) {
            return verdict(Kind.PASSPORT);
        }
        if (isMainlandMobile(d)) {
            return maskMobile(d);
        }
        if (isLandline(d)) {
            return verdict(Kind.PHONE);
        }
        if (d.length() >= 16 && d.length() <= 19 && passesLuhn(d) && rules.isCardFirstDigit(d.charAt(0)) && !startsWithDate(d)
                || introduced && context == Context.CARD && d.length() >= 12 && d.length() <= 19) {
            return verdict(Kind.BANK_CARD);
        }
        boolean readsAsDate = d.length() == 8 && isDate(Integer.parseInt(d.substring(0, 4)), d.substring(4), 1900);
        if (whole && context == Context.PHONE && (d.length() == 7 || d.length() == 8) && d.charAt(0) >= '2' && (introduced || !readsAsDate)) {
            return verdict(Kind.PHONE);
        }
        return null;
    }

    private Verdict withCountryCode(String d, String firstGroup, boolean plus, boolean grouped) {
        for (int c = 0; c < COUNTRY_CODES.length; c++) {
            String code = COUNTRY_CODES[c];
            String international = INTERNATIONAL_PREFIXES[c];
            boolean written = plus && d.startsWith(code)
                    || d.startsWith(international)
                    || grouped && (firstGroup.equals(code) || firstGroup.equals(international));
            if (!written) {
                continue;
            }
            String national = d.substring(d.startsWith(international) && !plus ? international.length() : code.length());
            if (!allDigits(national)) {
                return null;
            }
            switch (code) {
                case "852":
                    return national.length() != 8 ? null
                            : national.charAt(0) >= '4' ? verdict(Kind.HK_MOBILE)
                            : national.charAt(0) >= '2' ? verdict(Kind.PHONE) : null;
                case "853":
                    return national.length() != 8 ? null
                            : national.charAt(0) == '6' ? verdict(Kind.MACAU_MOBILE)
                            : national.charAt(0) == '2' || national.charAt(0) == '8' ? verdict(Kind.PHONE) : null;
                default:
                    if (isMainlandMobile(national)) {
                        return maskMobile(national);
                    }
                    return national.charAt(0) != '0' && isLandline("0" + national) ? verdict(Kind.PHONE) : null;
            }
        }
        return null;
    }

    static boolean isMainlandMobile(String d) {
        return d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9' && allDigits(d);
    }

    private static Verdict maskMobile(String d) {
        return new Verdict(Kind.MOBILE, d.substring(0, 3) + "****" + d.substring(7));
    }

    /** 0 + area code (010 and 02x are three digits, the rest four) + 7–8 digit number not starting 0 or 1. */
    static boolean isLandline(String d) {
        if (d.length() < 10 || d.length() > 12 || d.charAt(0) != '0' || d.charAt(1) == '0') {
            return false;
        }
        int areaLength = d.charAt(1) == '1' || d.charAt(1) == '2' ? 3 : 4;
        int local = d.length() - areaLength;
        return (local == 7 || local == 8) && d.charAt(areaLength) >= '2';
    }

    boolean isValidId18(String d) {
        return hasIdShape(d) && idCheckChar(d.substring(0, 17)) == d.charAt(17);
    }

    /** Province code and birth date of an 18-character ID, the check digit not considered. */
    private boolean hasIdShape(String d) {
        return d.length() == 18 && allDigits(d.substring(0, 17))
                && (Character.isDigit(d.charAt(17)) || d.charAt(17) == 'X')
                && rules.isProvince(d.substring(0, 2))
                && isDate(Integer.parseInt(d.substring(6, 10)), d.substring(10, 14), 1900);
    }

    boolean isValidId15(String d) {
        return allDigits(d) && rules.isProvince(d.substring(0, 2))
                && isDate(1900 + Integer.parseInt(d.substring(6, 8)), d.substring(8, 12), 1900);
    }

    /** The GB 11643 check character for the first 17 digits. */
    public static char idCheckChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK_CHARS.charAt(sum % 11);
    }

    static boolean passesLuhn(String d) {
        return luhnCheckDigit(d.substring(0, d.length() - 1)) == d.charAt(d.length() - 1);
    }

    /** The digit that completes {@code body} to a number passing the Luhn check, as a card's last digit does. */
    public static char luhnCheckDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** Order and case numbers usually open with their date; no card number does. */
    private static boolean startsWithDate(String d) {
        return isDate(Integer.parseInt(d.substring(0, 4)), d.substring(4, 8), 1990);
    }

    private static boolean isDate(int year, String monthDay, int earliestYear) {
        int month = Integer.parseInt(monthDay.substring(0, 2));
        int day = Integer.parseInt(monthDay.substring(2, 4));
        if (year < earliestYear || year > 2099 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isAlphanumeric(FoldedText f, int i) {
        return isAsciiAlphanumeric(f.chars[i]);
    }

    private static boolean allAsciiDigits(FoldedText f, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!f.isAsciiDigit(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allAlphanumeric(FoldedText f, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isAlphanumeric(f, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allLatin(FoldedText f, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!f.isLatin(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '(' || c == ')' || isWeakSeparator(c);
    }

    /** Separators that also stand in decimals, dates, versions and paths: they join only groups of three digits or more. */
    private static boolean isWeakSeparator(char c) {
        return c == '.' || c == '/' || c == '_';
    }
}

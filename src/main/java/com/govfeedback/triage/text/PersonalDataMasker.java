package com.govfeedback.triage.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data (resident ID, phone, bank card and e-mail) with a placeholder that names
 * its kind, so the raw value never reaches storage, logs or the model.
 *
 * <p>Digits are read through a full-width → half-width fold, so {@code １３８…} is caught too.
 * A number is a run of digit groups joined by single spaces, dashes or parentheses, optionally
 * led by {@code +}. Rules, in order (first match wins):
 * <ul>
 *   <li>country code (+86 / 0086 / 86-, +852, +853): mainland mobile {@code 1[3-9]} + 9 digits →
 *       {@code 138****5678}; +852 + 8 digits starting 4–9 → {@code [香港手机]}; +853 + 8 digits
 *       starting 6 → {@code [澳门手机]}; other landlines behind those codes → {@code [电话]};</li>
 *   <li>18 digits (last may be X) with a valid province code, birth date and GB 11643 check digit,
 *       or 15 digits with a valid province code and birth date → {@code [身份证号]}. An 18-digit
 *       number with an ID's shape but a wrong check digit is a look-alike and is left alone;</li>
 *   <li>nothing else is masked when an order/case word (订单号, 编号, 案件号, 流水号…) stands nearer
 *       before the number than a phone word;</li>
 *   <li>11 digits {@code 1[3-9]…} → {@code 138****5678}; a leading 0, a 2–3 digit area code and a
 *       7–8 digit number starting 2–9 → {@code [电话]}; 16–19 digits passing Luhn and not starting
 *       with a yyyyMMdd date (order numbers do) → {@code [银行卡号]};</li>
 *   <li>7–8 digits starting 2–9 with a phone word (电话, 手机, 手提, 联系, 號碼, tel, WhatsApp…) in the
 *       twelve characters before → {@code [电话]}: this is how a Hong Kong or Macau mobile
 *       written without its country code is caught; without such a word an 8-digit number is
 *       left alone (amounts, dates and serials look the same).</li>
 * </ul>
 * A number touching a latin letter or part of a decimal is never masked (codes such as {@code SN2024…}).
 */
public final class PersonalDataMasker {
    public static final String ID_CARD = "[身份证号]";
    public static final String BANK_CARD = "[银行卡号]";
    public static final String EMAIL = "[邮箱]";
    public static final String PHONE = "[电话]";
    public static final String HK_MOBILE = "[香港手机]";
    public static final String MACAU_MOBILE = "[澳门手机]";

    private static final Pattern EMAIL_PATTERN = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}");
    private static final int CONTEXT_WINDOW = 12;
    private static final String[] PHONE_WORDS = {"电话", "電話", "手机", "手機", "手提", "号码", "號碼", "联系", "聯系",
        "聯繫", "联络", "聯絡", "致电", "致電", "拨打", "撥打", "打给", "打給", "微信", "tel", "phone", "mobile",
        "whatsapp", "call"};
    private static final String[] ORDER_WORDS = {"订单", "訂單", "单号", "單號", "编号", "編號", "案号", "案號", "案件",
        "流水", "受理号", "受理號", "工单", "工單", "申请号", "申請號", "回执", "回執", "业务号", "業務號", "批次", "运单",
        "運單", "快递", "快遞", "发票", "發票", "合同号", "合同號", "凭证号", "憑證號", "账单", "帳單", "序列号", "序號", "序号"};
    private static final Set<String> PROVINCE_CODES = Set.of(("11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46"
            + " 50 51 52 53 54 61 62 63 64 65 71 81 82").split(" "));
    private static final String[] COUNTRY_CODES = {"852", "853", "86"};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_CHARS = "10X98765432";

    /** Returns the text with every personal-data item replaced; {@code null} stays {@code null}. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char[] folded = fold(text);
        List<Span> spans = new ArrayList<>();
        findEmails(folded, spans);
        findNumbers(folded, spans);
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort((a, b) -> Integer.compare(a.start, b.start));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span span : spans) {
            out.append(text, at, span.start).append(span.replacement);
            at = span.end;
        }
        return out.append(text, at, text.length()).toString();
    }

    private record Span(int start, int end, String replacement) {
    }

    /** Same length as the input: full-width ASCII and ideographic spaces become their half-width forms. */
    private static char[] fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                chars[i] = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0') {
                chars[i] = ' ';
            }
        }
        return chars;
    }

    private static void findEmails(char[] folded, List<Span> spans) {
        String view = new String(folded);
        if (view.indexOf('@') < 0) {
            return;
        }
        Matcher m = EMAIL_PATTERN.matcher(view);
        while (m.find()) {
            spans.add(new Span(m.start(), m.end(), EMAIL));
            // hide the address from the number scan below
            for (int i = m.start(); i < m.end(); i++) {
                folded[i] = 'a';
            }
        }
    }

    private void findNumbers(char[] f, List<Span> spans) {
        int n = f.length;
        int i = 0;
        while (i < n) {
            if (!isDigit(f[i]) || (i > 0 && (isDigit(f[i - 1]) || isLatin(f[i - 1])))) {
                i++;
                continue;
            }
            int runStart = i;
            if (runStart > 0 && (f[runStart - 1] == '+' || f[runStart - 1] == '(')) {
                runStart--;
            }
            boolean plus = f[runStart] == '+';
            List<int[]> groups = new ArrayList<>(4);
            int j = i;
            while (true) {
                int groupStart = j;
                while (j < n && isDigit(f[j])) {
                    j++;
                }
                if (j < n && (f[j] == 'X' || f[j] == 'x') && (j + 1 >= n || !isLatin(f[j + 1]))) {
                    j++;
                }
                groups.add(new int[] {groupStart, j});
                int sep = j;
                while (sep < n && sep - j < 2 && isSeparator(f[sep])) {
                    sep++;
                }
                if (sep > j && sep < n && isDigit(f[sep]) && f[j - 1] != 'X' && f[j - 1] != 'x') {
                    j = sep;
                } else {
                    break;
                }
            }
            int runEnd = groups.get(groups.size() - 1)[1];
            boolean decimal = runEnd + 1 < n && f[runEnd] == '.' && isDigit(f[runEnd + 1])
                    || runStart > 1 && f[runStart - 1] == '.' && isDigit(f[runStart - 2]);
            boolean touchesLetter = runEnd < n && isLatin(f[runEnd]) || runStart > 0 && isLatin(f[runStart - 1]);
            if (!decimal && !touchesLetter) {
                Context context = contextBefore(f, runStart);
                maskGroups(f, groups, plus ? runStart : -1, runStart, context, spans);
            }
            i = runEnd;
        }
    }

    /** Tries the longest run of consecutive groups first, so "0755 8888 1234" is one landline, not three numbers. */
    private void maskGroups(char[] f, List<int[]> groups, int plusAt, int runStart, Context context, List<Span> spans) {
        int a = 0;
        while (a < groups.size()) {
            boolean found = false;
            for (int b = groups.size() - 1; b >= a && !found; b--) {
                String replacement = classify(f, groups, a, b, a == 0 && plusAt >= 0, context);
                if (replacement != null) {
                    int start = a == 0 ? runStart : groups.get(a)[0];
                    int end = groups.get(b)[1];
                    if (f[start] == '(' && end < f.length && f[end] == ')') {
                        end++;
                    }
                    spans.add(new Span(start, end, replacement));
                    a = b + 1;
                    found = true;
                }
            }
            if (!found) {
                a++;
            }
        }
    }

    private String classify(char[] f, List<int[]> groups, int a, int b, boolean plus, Context context) {
        StringBuilder digits = new StringBuilder(24);
        for (int g = a; g <= b; g++) {
            digits.append(f, groups.get(g)[0], groups.get(g)[1] - groups.get(g)[0]);
        }
        String d = digits.toString().toUpperCase(Locale.ROOT);
        String firstGroup = new String(f, groups.get(a)[0], groups.get(a)[1] - groups.get(a)[0]);
        String international = withCountryCode(d, firstGroup, plus, b > a);
        if (international != null) {
            return international;
        }
        if (plus) {
            return null;
        }
        if (d.length() == 18 && isValidId18(d) || d.length() == 15 && isValidId15(d)) {
            return ID_CARD;
        }
        if (!allDigits(d) || context == Context.ORDER) {
            return null;
        }
        if (isMainlandMobile(d)) {
            return maskMobile(d);
        }
        if (isLandline(d)) {
            return PHONE;
        }
        if (d.length() >= 16 && d.length() <= 19 && passesLuhn(d) && !startsWithDate(d) && !hasIdShape(d)) {
            return BANK_CARD;
        }
        if (context == Context.PHONE && (d.length() == 7 || d.length() == 8) && d.charAt(0) >= '2') {
            return PHONE;
        }
        return null;
    }

    private static String withCountryCode(String d, String firstGroup, boolean plus, boolean grouped) {
        for (String code : COUNTRY_CODES) {
            boolean written = plus && d.startsWith(code)
                    || d.startsWith("00" + code)
                    || grouped && (firstGroup.equals(code) || firstGroup.equals("00" + code));
            if (!written) {
                continue;
            }
            String national = d.substring(d.startsWith("00" + code) && !plus ? code.length() + 2 : code.length());
            if (!allDigits(national)) {
                return null;
            }
            switch (code) {
                case "852":
                    return national.length() != 8 ? null
                            : national.charAt(0) >= '4' ? HK_MOBILE : national.charAt(0) >= '2' ? PHONE : null;
                case "853":
                    return national.length() != 8 ? null
                            : national.charAt(0) == '6' ? MACAU_MOBILE
                            : national.charAt(0) == '2' || national.charAt(0) == '8' ? PHONE : null;
                default:
                    if (isMainlandMobile(national)) {
                        return maskMobile(national);
                    }
                    return national.charAt(0) != '0' && isLandline("0" + national) ? PHONE : null;
            }
        }
        return null;
    }

    private enum Context { NONE, PHONE, ORDER }

    /** Which kind of word stands nearest before the number: a phone word, an order/case word, or none. */
    private static Context contextBefore(char[] f, int start) {
        int from = Math.max(0, start - CONTEXT_WINDOW);
        String window = new String(f, from, start - from).toLowerCase(Locale.ROOT);
        int phone = lastIndexOfAny(window, PHONE_WORDS);
        int order = lastIndexOfAny(window, ORDER_WORDS);
        if (phone < 0 && order < 0) {
            return Context.NONE;
        }
        return phone > order ? Context.PHONE : Context.ORDER;
    }

    private static int lastIndexOfAny(String window, String[] words) {
        int last = -1;
        for (String word : words) {
            last = Math.max(last, window.lastIndexOf(word));
        }
        return last;
    }

    static boolean isMainlandMobile(String d) {
        return d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9' && allDigits(d);
    }

    private static String maskMobile(String d) {
        return d.substring(0, 3) + "****" + d.substring(7);
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

    static boolean isValidId18(String d) {
        return hasIdShape(d) && idCheckChar(d.substring(0, 17)) == d.charAt(17);
    }

    /** Province code and birth date of an 18-digit ID, the check digit not considered. */
    private static boolean hasIdShape(String d) {
        return d.length() == 18 && allDigits(d.substring(0, 17))
                && (Character.isDigit(d.charAt(17)) || d.charAt(17) == 'X')
                && PROVINCE_CODES.contains(d.substring(0, 2))
                && isDate(Integer.parseInt(d.substring(6, 10)), d.substring(10, 14), 1900);
    }

    static boolean isValidId15(String d) {
        return allDigits(d) && PROVINCE_CODES.contains(d.substring(0, 2))
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

    public static boolean passesLuhn(String d) {
        int sum = 0;
        boolean twice = false;
        for (int i = d.length() - 1; i >= 0; i--) {
            int digit = d.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
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
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '(' || c == ')';
    }
}

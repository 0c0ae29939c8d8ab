package com.govfeedback.triage.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import com.govfeedback.shared.Json;

/**
 * The data {@link PersonalDataMasker} reads ({@code triage/masking.json}): placeholders, the words that say what a
 * number is, amount units and currency signs, the lead words before an e-mail address, Chinese numerals, province
 * codes and the first digits a bank card may have. Immutable; the classpath default is read once.
 */
public final class MaskingRules {
    public static final String RESOURCE = "/triage/masking.json";

    /** What a word before a number says about it. */
    public enum Context { NONE, PHONE, ID, CARD, QQ, PASSPORT, REFERENCE }

    /** The word nearest before a number: its kind, and whether only connectors stand between it and the number. */
    public record Nearest(Context context, boolean direct) {
        static final Nearest NONE = new Nearest(Context.NONE, false);
    }

    private static final class DefaultHolder {
        static final MaskingRules DEFAULT = load();
    }

    private final Map<PersonalDataMasker.Kind, String> placeholders;
    private final int contextWindow;
    private final String[] words;
    private final Context[] wordContexts;
    /** The distinct last characters of the words, sorted, and for each the words ending with it. */
    private final char[] lastChars;
    private final int[][] wordsByLastChar;
    private final String connectors;
    private final String[] amountUnits;
    private final String[] currencySigns;
    private final String[] emailLeadWords;
    /** Which characters are Chinese numerals (a bit each: the table stays in cache), and the digit of each. */
    private final long[] chineseNumerals;
    private final byte[] chineseDigits;
    private final Set<String> provinceCodes;
    private final String cardFirstDigits;

    private MaskingRules(JsonNode root) {
        placeholders = new EnumMap<>(PersonalDataMasker.Kind.class);
        for (PersonalDataMasker.Kind kind : PersonalDataMasker.Kind.values()) {
            if (kind != PersonalDataMasker.Kind.MOBILE) {
                placeholders.put(kind, required(root.path("placeholders"), kind.name()).asText());
            }
        }
        contextWindow = required(root, "contextWindow").asInt();
        List<String> allWords = new ArrayList<>();
        List<Context> contexts = new ArrayList<>();
        for (Context context : Context.values()) {
            if (context != Context.NONE) {
                for (String word : strings(required(root.path("words"), context.name()))) {
                    allWords.add(word);
                    contexts.add(context);
                }
            }
        }
        words = allWords.toArray(String[]::new);
        wordContexts = contexts.toArray(Context[]::new);
        Map<Character, List<Integer>> byLastChar = new TreeMap<>();
        for (int w = 0; w < words.length; w++) {
            byLastChar.computeIfAbsent(words[w].charAt(words[w].length() - 1), c -> new ArrayList<>()).add(w);
        }
        lastChars = new char[byLastChar.size()];
        wordsByLastChar = new int[byLastChar.size()][];
        int k = 0;
        for (Map.Entry<Character, List<Integer>> entry : byLastChar.entrySet()) {
            lastChars[k] = entry.getKey();
            wordsByLastChar[k++] = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
        }
        connectors = required(root, "connectors").asText();
        amountUnits = strings(required(root, "amountUnits"));
        currencySigns = strings(required(root, "currencySigns"));
        emailLeadWords = strings(required(root, "emailLeadWords"));
        chineseNumerals = new long[(Character.MAX_VALUE + 1) / Long.SIZE];
        chineseDigits = new byte[Character.MAX_VALUE + 1];
        required(root, "chineseDigits").fields().forEachRemaining(digit -> digit.getValue().asText().chars().forEach(c -> {
            chineseNumerals[c >>> 6] |= 1L << c;
            chineseDigits[c] = Byte.parseByte(digit.getKey());
        }));
        provinceCodes = new TreeSet<>(List.of(strings(required(root, "provinceCodes"))));
        cardFirstDigits = required(root, "cardFirstDigits").asText();
    }

    /** The rules shipped on the classpath, read once. */
    public static MaskingRules loadDefault() {
        return DefaultHolder.DEFAULT;
    }

    private static MaskingRules load() {
        try (InputStream in = MaskingRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return new MaskingRules(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    String placeholder(PersonalDataMasker.Kind kind) {
        return placeholders.get(kind);
    }

    /** The digit a Chinese numeral stands for (一 → 1, 幺 → 1, 两 → 2, 〇 → 0…), or -1. */
    int chineseDigit(char c) {
        return (chineseNumerals[c >>> 6] & 1L << c) == 0 ? -1 : chineseDigits[c];
    }

    boolean isProvince(String code) {
        return provinceCodes.contains(code);
    }

    boolean isCardFirstDigit(char c) {
        return cardFirstDigits.indexOf(c) >= 0;
    }

    /** The word ending nearest before {@code start} in the folded text (lower case), within the context window. */
    Nearest nearestBefore(char[] folded, int start) {
        int from = Math.max(0, start - contextWindow);
        for (int end = start; end > from; end--) {
            int at = Arrays.binarySearch(lastChars, folded[end - 1]);
            if (at < 0) {
                continue;
            }
            int best = -1;
            for (int w : wordsByLastChar[at]) {
                if (end - words[w].length() >= from && isWordAt(folded, end - words[w].length(), words[w])
                        && (best < 0 || words[w].length() > words[best].length())) {
                    best = w;
                }
            }
            if (best >= 0) {
                for (int i = end; i < start; i++) {
                    if (connectors.indexOf(folded[i]) < 0) {
                        return new Nearest(wordContexts[best], false);
                    }
                }
                return new Nearest(wordContexts[best], true);
            }
        }
        return Nearest.NONE;
    }

    /** Whether an amount unit (元, 万, %…) follows at {@code at}, or a currency sign ends just before {@code before}. */
    boolean isAmount(char[] folded, int before, int at) {
        int after = at;
        while (after < folded.length && folded[after] == ' ') {
            after++;
        }
        int ahead = before;
        while (ahead > 0 && folded[ahead - 1] == ' ') {
            ahead--;
        }
        return startsWithAny(folded, after, amountUnits) || endsWithAny(folded, ahead, currencySigns);
    }

    /** Where a Chinese e-mail local part really starts: after the last lead word (邮箱, 是, 发到…) inside it. */
    int afterLeadWord(char[] folded, int from, int to) {
        String local = new String(folded, from, to - from);
        int start = 0;
        for (String word : emailLeadWords) {
            int at = local.lastIndexOf(word);
            if (at >= 0) {
                start = Math.max(start, at + word.length());
            }
        }
        return from + start;
    }

    private static boolean startsWithAny(char[] folded, int at, String[] prefixes) {
        for (String prefix : prefixes) {
            if (at + prefix.length() <= folded.length && matches(folded, at, prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAny(char[] folded, int end, String[] suffixes) {
        for (String suffix : suffixes) {
            if (end - suffix.length() >= 0 && matches(folded, end - suffix.length(), suffix)) {
                return true;
            }
        }
        return false;
    }

    /** The word stands at {@code at}; a latin word only as a whole word ({@code tel}, not the end of {@code hotel}). */
    private static boolean isWordAt(char[] folded, int at, String word) {
        int end = at + word.length();
        return matches(folded, at, word) && !(isLatin(word.charAt(0)) && at > 0 && isLatin(folded[at - 1]))
                && !(isLatin(word.charAt(word.length() - 1)) && end < folded.length && isLatin(folded[end]));
    }

    private static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean matches(char[] folded, int at, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (folded[at + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException(RESOURCE + ": '" + field + "' is missing");
        }
        return value;
    }

    private static String[] strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText().toLowerCase(Locale.ROOT)));
        return values.toArray(String[]::new);
    }
}

package com.govfeedback.triage.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Brings text into the one form the model was trained on; the result is for the model's eyes only,
 * never shown or stored: full-width → half-width, traditional → simplified script, zero-width and
 * emoji variation selectors removed, runs of one character folded to two, latin lower-cased,
 * white space collapsed.
 */
public final class TextNormalizer {
    /** Classpath resource of the traditional → simplified table, see scripts/triage-generate-t2s.sh. */
    public static final String T2S_RESOURCE = "/triage/t2s.txt";
    private static final int MAX_REPEAT = 2;

    private final char[] simplified;

    private TextNormalizer(char[] simplified) {
        this.simplified = simplified;
    }

    public static TextNormalizer loadDefault() {
        try (InputStream in = TextNormalizer.class.getResourceAsStream(T2S_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + T2S_RESOURCE);
            }
            return new TextNormalizer(readTable(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static char[] readTable(InputStream in) throws IOException {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c < table.length; c++) {
            table[c] = (char) c;
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            if (line.length() != 3 || line.charAt(1) != '\t') {
                throw new IllegalStateException(T2S_RESOURCE + " line " + lineNumber + " is not 'traditional TAB simplified'");
            }
            table[line.charAt(0)] = line.charAt(2);
        }
        return table;
    }

    /**
     * Whether the text is written in traditional script: at least one Han character in ten has a
     * different simplified form (a simplified text rarely has one, a traditional text has many).
     */
    public boolean isTraditional(String text) {
        int han = 0;
        int traditional = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
                if (simplified[c] != c) {
                    traditional++;
                }
            }
        }
        return traditional > 0 && traditional * 10 >= han;
    }

    public String normalize(String text) {
        int[] cps = codePoints(text);
        return new String(cps, 0, cps.length);
    }

    /** The normalised text as code points, what the model's features are read from. */
    public int[] codePoints(String text) {
        if (text == null) {
            return new int[0];
        }
        int[] out = new int[text.length()];
        int n = 0;
        int previous = -1;
        int repeats = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            cp = fold(cp);
            if (cp < 0) {
                continue;
            }
            if (Character.isWhitespace(cp)) {
                pendingSpace = n > 0;
                continue;
            }
            if (pendingSpace) {
                out[n++] = ' ';
                pendingSpace = false;
                previous = ' ';
            }
            repeats = cp == previous ? repeats + 1 : 1;
            previous = cp;
            if (repeats <= MAX_REPEAT) {
                out[n++] = cp;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** The code point as the model sees it, or -1 for one that carries nothing. */
    private int fold(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            cp -= 0xFEE0;
        } else if (cp == 0x3000) {
            return ' ';
        }
        if (cp >= 'A' && cp <= 'Z') {
            return cp + ('a' - 'A');
        }
        return switch (cp) {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E, 0xFE0E, 0xFE0F -> -1;
            default -> cp <= Character.MAX_VALUE ? simplified[cp] : cp;
        };
    }
}

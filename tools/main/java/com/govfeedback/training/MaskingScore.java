package com.govfeedback.training;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.govfeedback.triage.text.PersonalDataMasker;
import com.govfeedback.triage.text.PersonalDataMasker.Finding;

/**
 * How well the masker does on labelled lines. A personal value is caught when every letter and digit of it lies inside
 * a finding (a mobile shown as {@code 138****5678} counts: the finding covers the whole number); a look-alike is
 * masked when any of its letters or digits does. Findings outside every label are counted too.
 */
public final class MaskingScore {
    private final Map<String, int[]> personal = new TreeMap<>();
    private final Map<String, int[]> lookAlikes = new TreeMap<>();
    private final List<String> misses = new ArrayList<>();
    private int unlabelledFindings;

    public static MaskingScore of(PersonalDataMasker masker, List<AdversarialMaskingSet.Line> lines) {
        MaskingScore score = new MaskingScore();
        for (AdversarialMaskingSet.Line line : lines) {
            score.add(line, masker.find(line.text()));
        }
        return score;
    }

    void add(AdversarialMaskingSet.Line line, List<Finding> findings) {
        boolean[] covered = new boolean[line.text().length()];
        for (Finding finding : findings) {
            for (int i = finding.start(); i < finding.end(); i++) {
                covered[i] = true;
            }
            if (line.spans().stream().noneMatch(span -> span.start() < finding.end() && finding.start() < span.end())) {
                unlabelledFindings++;
            }
        }
        for (AdversarialMaskingSet.Span span : line.spans()) {
            int signs = 0;
            int hidden = 0;
            for (int i = span.start(); i < span.end(); i++) {
                if (Character.isLetterOrDigit(line.text().codePointAt(i)) && !Character.isLowSurrogate(line.text().charAt(i))) {
                    signs++;
                    hidden += covered[i] ? 1 : 0;
                }
            }
            boolean flagged = span.personal() ? hidden == signs : hidden > 0;
            int[] counts = (span.personal() ? personal : lookAlikes).computeIfAbsent(span.category(), c -> new int[2]);
            counts[0]++;
            counts[1] += flagged ? 1 : 0;
            if (span.personal() != flagged) {
                misses.add((span.personal() ? "missed   " : "masked   ") + span.category() + ": " + line.text());
            }
        }
    }

    /** Share of personal values fully masked. */
    public double recall() {
        return share(personal);
    }

    /** Share of look-alikes with anything masked. */
    public double lookAlikesMasked() {
        return share(lookAlikes);
    }

    public int personalValues() {
        return total(personal);
    }

    public int lookAlikeValues() {
        return total(lookAlikes);
    }

    public Map<String, Double> recallByCategory() {
        return byCategory(personal);
    }

    public Map<String, Double> lookAlikesMaskedByCategory() {
        return byCategory(lookAlikes);
    }

    public List<String> misses() {
        return List.copyOf(misses);
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "personal data, recall by category (%d values):%n", personalValues());
        personal.forEach((category, counts) -> out.printf(Locale.ROOT, "  %-28s %5d  %.4f%n", category, counts[0],
                (double) counts[1] / counts[0]));
        out.printf(Locale.ROOT, "look-alikes, share masked by category (%d values):%n", lookAlikeValues());
        lookAlikes.forEach((category, counts) -> out.printf(Locale.ROOT, "  %-28s %5d  %.4f%n", category, counts[0],
                (double) counts[1] / counts[0]));
        out.printf(Locale.ROOT, "findings outside every labelled value: %d%n", unlabelledFindings);
    }

    private static Map<String, Double> byCategory(Map<String, int[]> counts) {
        Map<String, Double> shares = new TreeMap<>();
        counts.forEach((category, c) -> shares.put(category, (double) c[1] / c[0]));
        return shares;
    }

    private static double share(Map<String, int[]> counts) {
        int flagged = counts.values().stream().mapToInt(c -> c[1]).sum();
        return (double) flagged / Math.max(1, total(counts));
    }

    private static int total(Map<String, int[]> counts) {
        return counts.values().stream().mapToInt(c -> c[0]).sum();
    }
}

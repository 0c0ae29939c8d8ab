package com.govfeedback.training;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Counts gold versus predicted labels; gives accuracy, macro-F1 and a printable confusion matrix. */
public final class Confusion {
    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final Set<String> labels = new LinkedHashSet<>();
    private int total;
    private int correct;

    /** @param labelOrder labels to list first, in this order (others follow as they appear) */
    public Confusion(Iterable<String> labelOrder) {
        labelOrder.forEach(labels::add);
    }

    public void add(String gold, String predicted) {
        labels.add(gold);
        labels.add(predicted);
        counts.computeIfAbsent(gold, g -> new LinkedHashMap<>()).merge(predicted, 1, Integer::sum);
        total++;
        if (gold.equals(predicted)) {
            correct++;
        }
    }

    public int total() {
        return total;
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    /** Mean F1 over the labels that occur as gold or prediction. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (String label : labels) {
            int truePositives = count(label, label);
            int gold = 0;
            int predicted = 0;
            for (String other : labels) {
                gold += count(label, other);
                predicted += count(other, label);
            }
            if (gold == 0 && predicted == 0) {
                continue;
            }
            n++;
            sum += truePositives == 0 ? 0 : 2.0 * truePositives / (gold + predicted);
        }
        return n == 0 ? 0 : sum / n;
    }

    private int count(String gold, String predicted) {
        return counts.getOrDefault(gold, Map.of()).getOrDefault(predicted, 0);
    }

    /** Rows are gold labels, columns predictions, labels abbreviated to their first four letters. */
    public String matrix() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-18s", "gold \\ predicted"));
        for (String label : labels) {
            out.append(String.format(Locale.ROOT, "%6s", abbreviate(label)));
        }
        out.append('\n');
        for (String gold : labels) {
            if (!counts.containsKey(gold)) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-18s", gold));
            for (String predicted : labels) {
                out.append(String.format(Locale.ROOT, "%6d", count(gold, predicted)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String abbreviate(String label) {
        return label.length() <= 5 ? label : label.substring(0, 4) + ".";
    }
}

package com.govfeedback.training;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import com.govfeedback.triage.Taxonomy;
import com.govfeedback.triage.Triage;
import com.govfeedback.triage.TriageResult;
import com.govfeedback.triage.model.LabelledText;
import com.govfeedback.triage.text.TextNormalizer;

/** Scores triage against labelled lines: type, colour and domain, overall and by script. */
final class Evaluation {
    private final Taxonomy taxonomy;
    private final TextNormalizer normalizer = TextNormalizer.loadDefault();
    private final Scores all;
    private final Scores simplified;
    private final Scores traditional;

    private record Scores(Confusion type, Confusion colour, Confusion domain) {
        Scores(Taxonomy taxonomy) {
            this(new Confusion(taxonomy.types().stream().map(Taxonomy.FeedbackType::code).toList()),
                    new Confusion(taxonomy.colours().stream().map(c -> c.colour().name()).toList()),
                    new Confusion(taxonomy.domains().stream().map(Taxonomy.Domain::code).toList()));
        }

        void add(LabelledText gold, TriageResult result, String goldColour) {
            type.add(gold.type(), result.type());
            colour.add(goldColour, result.colour().name());
            domain.add(gold.domain(), result.domain());
        }

        String accuracies() {
            return String.format(Locale.ROOT, "type_acc=%.3f colour_acc=%.3f domain_acc=%.3f",
                    type.accuracy(), colour.accuracy(), domain.accuracy());
        }
    }

    Evaluation(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.all = new Scores(taxonomy);
        this.simplified = new Scores(taxonomy);
        this.traditional = new Scores(taxonomy);
    }

    void add(LabelledText gold, TriageResult result) {
        String goldColour = taxonomy.hasType(gold.type()) ? taxonomy.type(gold.type()).colour().name() : "?";
        all.add(gold, result, goldColour);
        (normalizer.isTraditional(gold.text()) ? traditional : simplified).add(gold, result, goldColour);
    }

    /** Accuracy of type, colour and domain over all lines. */
    record Accuracy(double type, double colour, double domain) {
    }

    Accuracy accuracy() {
        return new Accuracy(all.type().accuracy(), all.colour().accuracy(), all.domain().accuracy());
    }

    static Evaluation of(Triage triage, List<LabelledText> lines) {
        Evaluation evaluation = new Evaluation(triage.taxonomy());
        lines.forEach(line -> evaluation.add(line, triage.triage(line.text())));
        return evaluation;
    }

    /** Prints the full report; its last line is {@link #summary()}. */
    void print(PrintStream out) {
        out.printf(Locale.ROOT, "lines: %d (simplified %d, traditional %d)%n", all.type.total(), simplified.type.total(),
                traditional.type.total());
        printScore(out, "type", all.type);
        printScore(out, "colour", all.colour);
        printScore(out, "domain", all.domain);
        out.println("simplified-script lines:  " + simplified.accuracies());
        out.println("traditional-script lines: " + traditional.accuracies());
        out.println();
        out.println("type confusion:");
        out.print(all.type.matrix());
        out.println("domain confusion:");
        out.print(all.domain.matrix());
        out.println(summary());
    }

    private static void printScore(PrintStream out, String name, Confusion confusion) {
        out.printf(Locale.ROOT, "%-7s accuracy %.3f  macro-F1 %.3f%n", name, confusion.accuracy(), confusion.macroF1());
    }

    String summary() {
        return all.accuracies();
    }
}

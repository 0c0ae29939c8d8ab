package com.govfeedback.training;

import java.io.IOException;
import java.util.List;

import com.govfeedback.triage.Triage;
import com.govfeedback.triage.model.LabelledText;

/**
 * {@code make evaluate IN=labelled.jsonl}: classifies lines with {@code text}, {@code type} and
 * {@code domain} and prints accuracy and macro-F1 for type, colour and domain, by script, the
 * confusion matrices, and last {@code type_acc=… colour_acc=… domain_acc=…}.
 * Optional {@code taxonomy=FILE model=FILE} score an operator's files instead of the shipped ones.
 */
public final class Evaluate {
    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        Arguments arguments = new Arguments(args);
        List<LabelledText> lines = LabelledText.readJsonLines(arguments.requiredPath("in"));
        Triage triage = Triage.load(arguments.path("taxonomy", null), arguments.path("model", null));
        Evaluation evaluation = new Evaluation(triage.taxonomy());
        Progress progress = new Progress("evaluated", lines.size());
        for (LabelledText line : lines) {
            evaluation.add(line, triage.triage(line.text()));
            progress.step();
        }
        progress.finish();
        evaluation.print(System.out);
    }
}

package com.govfeedback.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

import com.govfeedback.triage.Taxonomy;
import com.govfeedback.triage.Triage;
import com.govfeedback.triage.model.LabelledText;
import com.govfeedback.triage.model.LinearModel;
import com.govfeedback.triage.text.TextNormalizer;

class TrainerTest {
    private static final Trainer.Options SMALL = new Trainer.Options(14, 8, 0.2, 1e-4, 7L);
    private final TextNormalizer normalizer = TextNormalizer.loadDefault();
    private final Trainer trainer = new Trainer(Taxonomy.loadDefault(), normalizer);

    private static List<LabelledText> sample() throws IOException {
        return LabelledText.readJsonLines(Path.of("../data/triage/sample.jsonl"));
    }

    @Test
    void sameCorpusAndSeedGiveTheSameModelFile() throws IOException {
        List<LabelledText> lines = sample();

        assertThat(bytes(trainer.train(lines, SMALL))).isEqualTo(bytes(trainer.train(lines, SMALL)));
    }

    @Test
    void modelFileRoundTripPredictsTheSame() throws IOException {
        LinearModel model = trainer.train(sample(), SMALL);
        LinearModel read = LinearModel.read(new ByteArrayInputStream(bytes(model)));

        for (LabelledText line : sample().subList(0, 20)) {
            String text = trainer.modelText(line.text());
            assertThat(read.predict(read.extractor().extract(text))).containsExactly(model.predict(model.extractor().extract(text)));
        }
        assertThat(read.cueGroups()).isEqualTo(model.cueGroups());
    }

    @Test
    void fitsTheLinesItWasTrainedOn() throws IOException {
        List<LabelledText> lines = sample();
        LinearModel model = trainer.train(lines, SMALL);
        LinearModel.Head type = model.head(Triage.TYPE_HEAD);
        LinearModel.Head domain = model.head(Triage.DOMAIN_HEAD);

        long right = lines.stream().filter(line -> {
            double[] p = model.predict(model.extractor().extract(trainer.modelText(line.text())));
            return type.labels().get(type.argmax(p)).equals(line.type())
                    && domain.labels().get(domain.argmax(p)).equals(line.domain());
        }).count();
        assertThat((double) right / lines.size()).isGreaterThan(0.9);
    }

    @Test
    void heldOutSplitIsStableAboutFifteenPercentAndIgnoresScript() {
        int heldOut = 0;
        for (int i = 0; i < 4000; i++) {
            String text = "第" + i + "条反馈";
            assertThat(HeldOutSplit.isHeldOut(text)).isEqualTo(HeldOutSplit.isHeldOut(text));
            heldOut += HeldOutSplit.isHeldOut(text) ? 1 : 0;
        }
        assertThat(heldOut / 4000.0).isBetween(0.12, 0.18);
        assertThat(HeldOutSplit.isHeldOut(trainer.modelText("醫保報銷進度查不到")))
                .isEqualTo(HeldOutSplit.isHeldOut(trainer.modelText("医保报销进度查不到")));
    }

    private static byte[] bytes(LinearModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }
}

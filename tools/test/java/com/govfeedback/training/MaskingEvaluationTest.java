package com.govfeedback.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.govfeedback.triage.text.PersonalDataMasker;

class MaskingEvaluationTest {
    private static final List<AdversarialMaskingSet.Line> SET = AdversarialMaskingSet.generate(EvaluateMasking.DEFAULT_SEED,
            EvaluateMasking.DEFAULT_LINES);

    @Test
    void theSetIsLargeReproducibleAndLabelledWhereTheValuesStand() {
        assertThat(SET).hasSizeGreaterThanOrEqualTo(2000);
        assertThat(AdversarialMaskingSet.generate(EvaluateMasking.DEFAULT_SEED, 50)).isEqualTo(SET.subList(0, 50));
        assertThat(AdversarialMaskingSet.generate(7L, 50)).isNotEqualTo(SET.subList(0, 50));
        for (AdversarialMaskingSet.Line line : SET) {
            assertThat(line.spans()).isNotEmpty().allSatisfy(span -> {
                assertThat(span.end()).isGreaterThan(span.start()).isLessThanOrEqualTo(line.text().length());
                assertThat(line.text().substring(span.start(), span.end()).codePoints().anyMatch(Character::isLetterOrDigit)).isTrue();
            });
        }
        MaskingScore score = MaskingScore.of(new PersonalDataMasker(), SET);
        assertThat(score.recallByCategory()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(score.lookAlikesMaskedByCategory()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void theMaskerCatchesPersonalDataAndLeavesLookAlikesOnTheGeneratedSet() {
        MaskingScore score = MaskingScore.of(new PersonalDataMasker(), SET);

        assertThat(score.recall()).as("recall on personal data, misses: %s", score.misses()).isGreaterThanOrEqualTo(0.99);
        assertThat(score.lookAlikesMasked()).as("look-alikes masked: %s", score.misses()).isLessThanOrEqualTo(0.005);
        assertThat(score.recallByCategory()).allSatisfy((category, recall) -> assertThat(recall).as(category).isGreaterThanOrEqualTo(0.95));
    }

    @Test
    void aValueIsCaughtOnlyWhenEveryLetterAndDigitOfItIsMasked() {
        AdversarialMaskingSet.Line line = new AdversarialMaskingSet.Line("电话13812345678，订单号2026120112345678",
                List.of(new AdversarialMaskingSet.Span(2, 13, "mobile", true), new AdversarialMaskingSet.Span(17, 33, "order", false)));
        MaskingScore partly = new MaskingScore();
        partly.add(line, List.of(new PersonalDataMasker.Finding(2, 12, PersonalDataMasker.Kind.MOBILE, "x"),
                new PersonalDataMasker.Finding(32, 33, PersonalDataMasker.Kind.PHONE, "y")));
        MaskingScore fully = new MaskingScore();
        fully.add(line, List.of(new PersonalDataMasker.Finding(2, 13, PersonalDataMasker.Kind.MOBILE, "x")));

        assertThat(partly.recall()).isZero();
        assertThat(partly.lookAlikesMasked()).isEqualTo(1.0);
        assertThat(fully.recall()).isEqualTo(1.0);
        assertThat(fully.lookAlikesMasked()).isZero();
    }
}

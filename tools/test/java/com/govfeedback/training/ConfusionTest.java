package com.govfeedback.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfusionTest {
    @Test
    void computesAccuracyMacroF1AndMatrix() {
        Confusion confusion = new Confusion(List.of("A", "B", "C"));
        confusion.add("A", "A");
        confusion.add("A", "B");
        confusion.add("B", "B");
        confusion.add("C", "C");

        assertThat(confusion.accuracy()).isEqualTo(0.75);
        // F1: A = 2·1/(2+1) = 0.667, B = 2·1/(1+2) = 0.667, C = 1
        assertThat(confusion.macroF1()).isCloseTo((2 / 3.0 + 2 / 3.0 + 1) / 3, within(1e-9));
        assertThat(confusion.matrix().lines().toList()).element(1).asString().matches("A\\s+1\\s+1\\s+0");
    }
}

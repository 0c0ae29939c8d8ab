package com.govfeedback.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsSortByCreationTime() {
        String earlier = Ids.newId(Instant.parse("2026-03-02T02:00:00.000Z"));
        String later = Ids.newId(Instant.parse("2026-03-02T02:00:00.001Z"));
        assertThat(earlier).isLessThan(later);
    }

    @Test
    void idsAreWellFormedAndDistinctWithinOneMillisecond() {
        Instant now = Instant.now();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.newId(now);
            assertThat(Ids.isWellFormed(id)).as(id).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void encodingIsCrockfordBase32OfTimeThenRandomness() {
        assertThat(Ids.encode(0, new byte[10])).isEqualTo("0".repeat(26));
        assertThat(Ids.encode(1, new byte[10])).isEqualTo("0000000001" + "0".repeat(16));
    }

    @Test
    void malformedIdsAreRecognisedWithoutARead() {
        assertThat(Ids.isWellFormed(null)).isFalse();
        assertThat(Ids.isWellFormed("not-an-id")).isFalse();
        assertThat(Ids.isWellFormed("01M8K8GS6F6VFXN9FF0FHPXV2U")).as("U is not in the alphabet").isFalse();
        assertThat(Ids.isWellFormed("81M8K8GS6F6VFXN9FF0FHPXV2V")).as("overflows 48 bits").isFalse();
    }
}

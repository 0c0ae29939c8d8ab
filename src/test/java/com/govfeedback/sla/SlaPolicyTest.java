package com.govfeedback.sla;

import static com.govfeedback.sla.SlaFixtures.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaPolicyTest {

    @Test
    void shippedPolicyFollowsTheTaxonomy() {
        assertThat(POLICY.window(ClockKind.ACKNOWLEDGE, Colour.RED, null)).contains(Window.hours(2));
        assertThat(POLICY.window(ClockKind.RESOLVE, Colour.RED, null)).contains(Window.hours(2));
        assertThat(POLICY.window(ClockKind.ACKNOWLEDGE, Colour.ORANGE, null)).contains(Window.hours(2));
        assertThat(POLICY.window(ClockKind.RESOLVE, Colour.ORANGE, null)).contains(Window.hours(24));
        assertThat(POLICY.window(ClockKind.ACKNOWLEDGE, Colour.YELLOW, null)).contains(Window.hours(48));
        assertThat(POLICY.window(ClockKind.RESOLVE, Colour.YELLOW, null)).contains(Window.hours(72));
        assertThat(POLICY.window(ClockKind.ACKNOWLEDGE, Colour.BLUE, null)).contains(Window.hours(48));
        assertThat(POLICY.window(ClockKind.RESOLVE, Colour.BLUE, null)).contains(Window.workingDays(7));
        assertThat(POLICY.window(ClockKind.APPEAL, Colour.BLUE, null)).contains(Window.hours(48));
        assertThat(POLICY.warningFractions()).containsExactly(0.5, 0.75);
        assertThat(POLICY.escalationChain()).extracting(SlaPolicy.ChainLevel::code)
                .containsExactly("ASSIGNEE", "DEPARTMENT_HEAD", "OPTIMIZATION_OFFICE", "LEADING_GROUP");
        assertThat(POLICY.escalationChain().get(2).name()).isEqualTo("优化办公室");
        assertThat(POLICY.maxTotalPause()).isEqualTo(Duration.ofDays(15));
    }

    @Test
    void praiseIsAcknowledgedWithoutAResolutionDeadline() {
        assertThat(POLICY.window(ClockKind.ACKNOWLEDGE, Colour.BLUE, "PRAISE")).contains(Window.hours(48));
        assertThat(POLICY.window(ClockKind.RESOLVE, Colour.BLUE, "PRAISE")).isEmpty();
        assertThat(POLICY.window(ClockKind.RESOLVE, Colour.BLUE, "FEATURE_REQUEST")).contains(Window.workingDays(7));
    }

    @Test
    void anOperatorFileReplacesTheShippedPolicy(@TempDir Path dir) throws IOException {
        Path file = write(dir, shipped().replace("\"hours\": 72", "\"hours\": 96"));
        assertThat(SlaPolicy.load(file).window(ClockKind.RESOLVE, Colour.YELLOW, null)).contains(Window.hours(96));
    }

    @Test
    void aMissingColourIsNamed(@TempDir Path dir) throws IOException {
        String withoutBlue = shipped().replaceAll("(?s),\\s*\"BLUE\":.*?\\}\\s*\\}", "");
        assertRejected(dir, withoutBlue, "colour BLUE is missing");
    }

    @Test
    void aWindowInAnUnknownUnitIsNamedWithItsPath(@TempDir Path dir) throws IOException {
        String minutes = shipped().replace("\"resolve\": { \"hours\": 24 }", "\"resolve\": { \"minutes\": 30 }");
        assertRejected(dir, minutes, "colours.ORANGE.resolve");
    }

    @Test
    void aMisspeltFieldIsRejectedRatherThanIgnored(@TempDir Path dir) throws IOException {
        String typo = shipped().replace("\"appealAnswer\"", "\"appealAnwser\"");
        assertRejected(dir, typo, "unknown field 'appealAnwser'");
    }

    @Test
    void warningPointsMustBeIncreasingFractions(@TempDir Path dir) throws IOException {
        String backwards = shipped().replace("[0.5, 0.75]", "[0.75, 0.5]");
        assertRejected(dir, backwards, "increasing order");
        String whole = shipped().replace("[0.5, 0.75]", "[0.5, 1]");
        assertRejected(dir, whole, "strictly between 0 and 1");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> SlaPolicy.load(dir.resolve("nope.json")))
                .isInstanceOf(SlaDataException.class).hasMessageContaining("nope.json: file not found");
    }

    private static String shipped() throws IOException {
        try (var in = SlaPolicy.class.getClassLoader().getResourceAsStream(SlaPolicy.CLASSPATH_FILE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void assertRejected(Path dir, String policy, String message) throws IOException {
        Path file = write(dir, policy);
        assertThatThrownBy(() -> SlaPolicy.load(file)).isInstanceOf(SlaDataException.class)
                .hasMessageContaining(message);
    }

    private static Path write(Path dir, String content) throws IOException {
        return Files.writeString(dir.resolve("policy.json"), content);
    }
}

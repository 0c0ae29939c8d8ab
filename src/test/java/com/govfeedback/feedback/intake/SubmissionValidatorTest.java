package com.govfeedback.feedback.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.govfeedback.feedback.Channel;
import com.govfeedback.feedback.FeedbackContext;
import com.govfeedback.shared.ValidationException;

class SubmissionValidatorTest {
    private static final FeedbackContext CONTEXT = new FeedbackContext("/home", "Mate 60", "HarmonyOS", "4.2", "5.3.1", "5G", "440305", "zh-CN");

    @Test
    void aValidSubmissionIsTrimmedAndTyped() {
        var valid = SubmissionValidator.validate(new SubmitFeedback("app-0001-abcd", "  闪退  ", "HOTLINE", CONTEXT));
        assertThat(valid.text()).isEqualTo("闪退");
        assertThat(valid.channel()).isEqualTo(Channel.HOTLINE);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        var context = new FeedbackContext("x".repeat(201), null, null, null, null, null, "000000", "中文");
        assertThatThrownBy(() -> SubmissionValidator.validate(new SubmitFeedback("short", " ", "FAX", context)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field)
                        .containsExactlyInAnyOrder("clientRequestId", "text", "channel", "context.screenPath", "context.regionCode",
                                "context.locale"));
    }

    @Test
    void textLengthCountsCharactersNotUtf16Units() {
        String emoji = "😀".repeat(2000);
        assertThat(SubmissionValidator.validate(new SubmitFeedback("app-0001-abcd", emoji, "APP", null)).text()).isEqualTo(emoji);
        assertThatThrownBy(() -> SubmissionValidator.validate(new SubmitFeedback("app-0001-abcd", emoji + "😀", "APP", null)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void regionCodesFollowTheProvinceLevelList() {
        assertThat(RegionCodes.isValid("440305")).isTrue();
        assertThat(RegionCodes.isValid("110000")).isTrue();
        assertThat(RegionCodes.isValid("820000")).isTrue();
        assertThat(RegionCodes.isValid("990000")).isFalse();
        assertThat(RegionCodes.isValid("110001")).as("county without prefecture").isFalse();
        assertThat(RegionCodes.isValid("44030")).isFalse();
        assertThat(RegionCodes.isValid("44O305")).isFalse();
    }

    @Test
    void trackingNumbersAreReadableAndCarryTheBeijingDay() {
        String id = "01M8K8GS6F6VFXN9FF0FHPXV2V";
        // 2026-11-29 17:00 UTC is already 11-30 in Beijing
        assertThat(TrackingNumbers.of(id, java.time.Instant.parse("2026-11-29T17:00:00Z"), java.time.ZoneId.of("Asia/Shanghai"))).isEqualTo("261130-0FHP-XV2V");
    }
}

package com.govfeedback.triage.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    private final TextNormalizer normalizer = TextNormalizer.loadDefault();

    @Test
    void turnsTraditionalScriptIntoSimplified() {
        assertThat(normalizer.normalize("醫療保險費用報銷太慢，戶口證明還要跑臺灣辦事處"))
                .isEqualTo("医疗保险费用报销太慢,户口证明还要跑台湾办事处");
        assertThat(normalizer.normalize("網頁無法登錄")).isEqualTo("网页无法登录");
    }

    @Test
    void foldsFullWidthAndLowerCasesLatin() {
        assertThat(normalizer.normalize("ＡＰＰ闪退？ＩＯＳ　１７")).isEqualTo("app闪退?ios 17");
    }

    @Test
    void removesZeroWidthCharactersAndCollapsesWhiteSpace() {
        assertThat(normalizer.normalize("登\u200b录\u200d失\uFEFF败  \t了\n")).isEqualTo("登录失败 了");
    }

    @Test
    void foldsRunsOfRepeatedCharactersIncludingEmoji() {
        assertThat(normalizer.normalize("太慢了！！！！！！😡😡😡😡啊啊啊啊")).isEqualTo("太慢了!!😡😡啊啊");
        assertThat(normalizer.normalize("谢谢")).isEqualTo("谢谢");
        assertThat(normalizer.normalize("❤️❤️❤️")).isEqualTo("❤❤");
    }

    @Test
    void tellsTraditionalFromSimplifiedScript() {
        assertThat(normalizer.isTraditional("公積金提取要什麼材料？")).isTrue();
        assertThat(normalizer.isTraditional("閃退")).isTrue();
        assertThat(normalizer.isTraditional("公积金提取要什么材料？")).isFalse();
        assertThat(normalizer.isTraditional("app crash")).isFalse();
    }

    @Test
    void treatsNullAsEmpty() {
        assertThat(normalizer.normalize(null)).isEmpty();
    }
}

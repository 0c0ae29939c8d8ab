package com.govfeedback.triage.similar;

import static org.assertj.core.api.Assertions.assertThat;

import com.govfeedback.triage.text.TextNormalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilaritySignatureTest {
    private final SimilaritySignature signatures = new SimilaritySignature(TextNormalizer.loadDefault());

    private static final String[][] NEAR_DUPLICATES = {
        {"公积金提取一直失败，提示系统异常，请尽快处理", "公积金提取一直失败!!提示系统异常😡请尽快处理"},
        {"公积金提取一直失败，提示系统异常", "公积金提取总是失败，提示系统异常"},
        {"医保电子凭证二维码出不来，药店扫不了", "醫保電子憑證二維碼出不來，藥店掃不了"},
        {"今天上午社保查询页面打不开，一直白屏", "社保查询页面今天上午一直白屏打不开"},
        {"小学报名系统崩了，家长们都报不上名", "小学报名的系统崩了，家长都报不上名！！"},
        {"ＡＰＰ登录验证码收不到", "app登录验证码收不到。"},
    };

    private static final String[][] UNRELATED = {
        {"公积金提取一直失败，提示系统异常", "孩子的疫苗接种记录在哪里查"},
        {"医保电子凭证二维码出不来", "营业执照电子版下载下来是空白的"},
        {"社保窗口工作人员态度很差", "希望增加公交实时到站查询"},
        {"驾驶证到期换证可以在手机上办吗", "低保申请条件是什么"},
    };

    @Test
    void nearDuplicatesShareABandAndReachTheThreshold() {
        for (String[] pair : NEAR_DUPLICATES) {
            long[] a = signatures.signature(pair[0]);
            long[] b = signatures.signature(pair[1]);

            assertThat(SimilaritySignature.bandKeys(a)).as("%s / %s", pair[0], pair[1])
                    .containsAnyElementsOf(SimilaritySignature.bandKeys(b));
            assertThat(SimilaritySignature.similarity(a, b)).as("%s / %s", pair[0], pair[1])
                    .isGreaterThanOrEqualTo(SimilaritySignature.NEAR_DUPLICATE);
        }
    }

    @Test
    void unrelatedTextsShareNoBandAndStayFarBelowTheThreshold() {
        for (String[] pair : UNRELATED) {
            long[] a = signatures.signature(pair[0]);
            long[] b = signatures.signature(pair[1]);

            assertThat(SimilaritySignature.bandKeys(a)).as("%s / %s", pair[0], pair[1])
                    .doesNotContainAnyElementsOf(SimilaritySignature.bandKeys(b));
            assertThat(SimilaritySignature.similarity(a, b)).isLessThan(0.15);
        }
    }

    @Test
    void identicalTextsAreFullySimilarAndDeterministic() {
        String text = "不动产登记预约成功了却查不到预约记录";
        assertThat(SimilaritySignature.similarity(signatures.signature(text), signatures.signature(text))).isEqualTo(1.0);
        assertThat(signatures.bandKeys(text)).hasSize(SimilaritySignature.BANDS)
                .isEqualTo(new SimilaritySignature(TextNormalizer.loadDefault()).bandKeys(text));
    }

    @Test
    void textWithoutLettersHasNoBandKeys() {
        assertThat(signatures.bandKeys("!!! 😡😡 ...")).isEmpty();
        assertThat(signatures.bandKeys("")).isEqualTo(List.of());
    }
}

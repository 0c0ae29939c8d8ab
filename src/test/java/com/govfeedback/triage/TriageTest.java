package com.govfeedback.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.govfeedback.triage.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageTest {
    private static final Triage TRIAGE = Triage.loadDefault();
    private static final List<String> TEXTS = List.of("整个APP打不开了，所有人都登录不了", "公积金提取需要什么材料？",
            "社保窗口工作人员态度很差，让我来回跑", "希望增加公交实时到站查询", "预约挂号很方便，谢谢！",
            "房子过户以后水电气还要分别去办，太麻烦", "字太小了老人看不清");

    @TempDir
    Path dir;

    @Test
    void masksPersonalDataBeforeClassifyingAndKeepsItOutOfTheEvidence() {
        TriageResult result = TRIAGE.triage("我的身份证11010519491231002X，手机13812345678，公积金提取失败");

        assertThat(result.maskedText()).isEqualTo("我的身份证[身份证号]，手机138****5678，公积金提取失败");
        assertThat(String.join("", result.evidence())).doesNotContain("110105").doesNotContain("12345678");
    }

    @Test
    void colourAndDepartmentsFollowTheTaxonomy() {
        Taxonomy taxonomy = TRIAGE.taxonomy();
        for (String text : TEXTS) {
            TriageResult result = TRIAGE.triage(text);

            assertThat(result.colour()).isEqualTo(taxonomy.type(result.type()).colour());
            assertThat(result.department()).isEqualTo(taxonomy.domain(result.domain()).departmentCode());
            assertThat(result.alsoDomains()).doesNotContain(result.domain());
            assertThat(result.copiedDepartments()).doesNotContain(result.department())
                    .isSubsetOf(result.alsoDomains().stream().map(d -> taxonomy.domain(d).departmentCode()).toList());
            assertThat(result.typeConfidence()).isBetween(0.0, 1.0);
            assertThat(result.domainConfidence()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void classifiesPlainCases() {
        assertThat(TRIAGE.triage("公积金提取需要什么材料？")).extracting(TriageResult::type, TriageResult::domain)
                .containsExactly("INQUIRY", "HOUSING_FUND");
        assertThat(TRIAGE.triage("整个APP打不开了，所有人都登录不了")).extracting(TriageResult::type, TriageResult::domain)
                .containsExactly("OUTAGE", "PLATFORM");
    }

    @Test
    void traditionalAndFullWidthTextIsClassifiedLikeItsSimplifiedForm() {
        TriageResult simplified = TRIAGE.triage("医保电子凭证二维码出不来，药店扫不了");
        TriageResult traditional = TRIAGE.triage("醫保電子憑證二維碼出不來，藥店掃不了");

        assertThat(traditional).usingRecursiveComparison().ignoringFields("maskedText").isEqualTo(simplified);
    }

    @Test
    void evidenceIsMadeOfFragmentsOfTheText() {
        TextNormalizer normalizer = TextNormalizer.loadDefault();
        for (String text : TEXTS) {
            TriageResult result = TRIAGE.triage(text);

            assertThat(result.evidence()).isNotEmpty()
                    .allSatisfy(fragment -> assertThat(normalizer.normalize(text)).contains(fragment));
        }
    }

    @Test
    void needsReviewFollowsTheConfiguredThreshold() {
        String text = "公积金提取需要什么材料？";

        assertThat(Triage.load(null, null, 1.0).triage(text).needsReview()).isTrue();
        assertThat(Triage.load(null, null, 0.0).triage(text).needsReview()).isFalse();
        assertThat(TRIAGE.triage("").needsReview()).isTrue();
    }

    @Test
    void tagsAndSentimentComeFromTheirWordLists() {
        TriageResult login = TRIAGE.triage("登录一直失败，验证码收不到，气死了😡");
        assertThat(login.tags()).contains("LOGIN");
        assertThat(login.sentiment()).isEqualTo("negative");
        assertThat(login.sentimentScore()).isNegative();

        TriageResult thanks = TRIAGE.triage("异地就医备案几分钟就办好了，非常方便，谢谢！");
        assertThat(thanks.sentiment()).isEqualTo("positive");
        assertThat(TRIAGE.triage("不太满意").sentiment()).isEqualTo("negative");
        assertThat(TRIAGE.triage("公积金提取需要什么材料").sentiment()).isEqualTo("neutral");
    }

    @Test
    void hostileTextIsClassifiedAsText() {
        String hostile = "<script>alert('x')</script>'; DROP TABLE feedback; -- 页面打不开";

        TriageResult result = TRIAGE.triage(hostile);

        assertThat(result.maskedText()).isEqualTo(hostile);
        assertThat(result.type()).isNotBlank();
    }

    @Test
    void operatorTaxonomyRenamesDepartmentsButMustKeepTheModelsCodes() throws IOException {
        String json;
        try (InputStream in = Taxonomy.class.getResourceAsStream(Taxonomy.RESOURCE)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path renamed = Files.writeString(dir.resolve("renamed.json"),
                json.replace("\"HOUSING_FUND_CENTER\"", "\"HOUSING_PROVIDENT_FUND_CENTER\""));
        Path withoutEducation = Files.writeString(dir.resolve("lacking.json"), json.replaceAll(
                ",\\s*\\{\"code\": \"EDUCATION\"[^}]*}", ""));

        assertThat(Triage.load(renamed, null).triage("公积金提取需要什么材料？").department())
                .isEqualTo("HOUSING_PROVIDENT_FUND_CENTER");
        assertThatThrownBy(() -> Triage.load(withoutEducation, null)).isInstanceOf(InvalidTaxonomyException.class)
                .hasMessageContaining("EDUCATION");
    }
}

package com.govfeedback.triage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.govfeedback.sla.Colour;

class TaxonomyTest {
    @TempDir
    Path dir;

    @Test
    void defaultTaxonomyHasTheSpecifiedCodesColoursAndDepartments() {
        Taxonomy taxonomy = Taxonomy.loadDefault();

        assertThat(taxonomy.types()).extracting(Taxonomy.FeedbackType::code).containsExactly("OUTAGE", "MALFUNCTION",
                "COMPLAINT", "EXPERIENCE", "INQUIRY", "FEATURE_REQUEST", "PRAISE");
        assertThat(taxonomy.types()).extracting(Taxonomy.FeedbackType::colour)
                .containsExactly(Colour.RED, Colour.ORANGE, Colour.ORANGE, Colour.YELLOW, Colour.YELLOW, Colour.BLUE, Colour.BLUE);
        assertThat(taxonomy.domains()).hasSize(12);
        assertThat(taxonomy.domain("HOUSING_FUND").departmentCode()).isEqualTo("HOUSING_FUND_CENTER");
        assertThat(taxonomy.domain("REAL_ESTATE").departmentName()).isEqualTo("市自然资源和规划局（不动产登记中心）");
        assertThat(taxonomy.tags()).extracting(Taxonomy.Tag::code).contains("LOGIN", "ELDERLY", "PROGRESS_QUERY")
                .hasSize(15);
        assertThat(taxonomy.tags()).allSatisfy(tag -> assertThat(tag.keywords()).isNotEmpty());
    }

    @Test
    void operatorFileReplacesTheDefault() throws IOException {
        String renamed = defaultJson().replace("市教育局", "市教育和体育局");
        Path file = Files.writeString(dir.resolve("taxonomy.json"), renamed);

        assertThat(Taxonomy.load(file).domain("EDUCATION").departmentName()).isEqualTo("市教育和体育局");
    }

    @Test
    void rejectsAnUnknownColourNamingTheEntry() throws IOException {
        Path file = Files.writeString(dir.resolve("t.json"),
                defaultJson().replace("\"code\": \"PRAISE\", \"name\": \"表扬\", \"colour\": \"BLUE\"",
                        "\"code\": \"PRAISE\", \"name\": \"表扬\", \"colour\": \"PURPLE\""));

        assertThatThrownBy(() -> Taxonomy.load(file)).isInstanceOf(InvalidTaxonomyException.class)
                .hasMessageContaining("types[6] (PRAISE)").hasMessageContaining("colour PURPLE");
    }

    @Test
    void rejectsDuplicateCodesMissingFieldsAndEmptyKeywords() throws IOException {
        Path duplicate = Files.writeString(dir.resolve("d.json"),
                defaultJson().replace("\"code\": \"EDUCATION\"", "\"code\": \"HEALTH\""));
        Path noDepartment = Files.writeString(dir.resolve("n.json"),
                defaultJson().replace("\"departmentName\": \"市税务局\"", "\"departmentName\": \"\""));
        Path noKeywords = Files.writeString(dir.resolve("k.json"),
                defaultJson().replaceFirst("\"keywords\": \\[[^]]*]", "\"keywords\": []"));

        assertThatThrownBy(() -> Taxonomy.load(duplicate)).hasMessageContaining("domains[11] (HEALTH): code is used twice");
        assertThatThrownBy(() -> Taxonomy.load(noDepartment)).hasMessageContaining("domains[6] (TAX): 'departmentName'");
        assertThatThrownBy(() -> Taxonomy.load(noKeywords)).hasMessageContaining("tags[0] (LOGIN): needs a non-empty array");
    }

    @Test
    void rejectsAFileThatIsNotJson() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{ types: ");

        assertThatThrownBy(() -> Taxonomy.load(file)).isInstanceOf(InvalidTaxonomyException.class)
                .hasMessageContaining("broken.json");
    }

    private static String defaultJson() throws IOException {
        try (InputStream in = TaxonomyTest.class.getResourceAsStream(Taxonomy.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

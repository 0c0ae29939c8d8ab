package com.govfeedback.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.govfeedback.shared.Json;
import com.govfeedback.triage.Triage;
import com.govfeedback.triage.TriageResult;

class ToolsTest {
    @TempDir
    Path dir;

    @Test
    void classifyAddsTheTriageFieldsToEveryLine() throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), """
                {"id": "f1", "text": "公积金提取失败，我电话13812345678"}

                {"id": "f2", "text": "希望增加公交实时到站查询", "channel": "app"}
                """);
        Path out = dir.resolve("out.jsonl");

        Classify.main(new String[] {"IN=" + in, "OUT=" + out});

        List<JsonNode> lines = Files.readAllLines(out).stream().map(ToolsTest::parse).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(line -> assertThat(line.has("type") && line.has("colour") && line.has("domain")
                && line.get("alsoDomains").isArray() && line.get("tags").isArray()).isTrue());
        assertThat(lines.get(0).get("maskedText").asText()).isEqualTo("公积金提取失败，我电话138****5678");
        assertThat(lines.get(1).get("channel").asText()).isEqualTo("app");
    }

    @Test
    void evaluateEndsWithTheAccuracyLine() throws IOException {
        Triage triage = Triage.loadDefault();
        String right = "医保电子凭证二维码出不来";
        String wrong = "驾驶证到期换证可以在手机上办吗";
        TriageResult r = triage.triage(right);
        TriageResult w = triage.triage(wrong);
        String otherType = w.type().equals("PRAISE") ? "OUTAGE" : "PRAISE";
        Path in = Files.writeString(dir.resolve("labelled.jsonl"),
                "{\"text\": \"" + right + "\", \"type\": \"" + r.type() + "\", \"domain\": \"" + r.domain() + "\"}\n"
                + "{\"text\": \"" + wrong + "\", \"type\": \"" + otherType + "\", \"domain\": \"" + w.domain() + "\"}\n");

        List<String> output = captureOutput(() -> Evaluate.main(new String[] {"IN=" + in}));

        assertThat(output.get(output.size() - 1)).matches("type_acc=0\\.500 colour_acc=\\d\\.\\d{3} domain_acc=1\\.000");
        assertThat(output).anyMatch(line -> line.startsWith("type confusion"));
    }

    private interface Tool {
        void run() throws IOException;
    }

    private static List<String> captureOutput(Tool tool) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            tool.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.govfeedback.triage.bench;

import com.govfeedback.triage.model.LabelledText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** 200-character feedback texts for the benchmarks, stitched from the corpus lines (some with pasted phone and ID numbers). */
final class BenchmarkTexts {
    static final int LENGTH = 200;
    private static final String[] PASTED = {"，我的电话13812345678", "，身份证11010519491231002X", "，邮箱a.b@example.com"};

    private BenchmarkTexts() {
    }

    static String[] load(int count) {
        List<String> lines = new ArrayList<>();
        for (Path file : corpusFiles()) {
            try {
                LabelledText.readJsonLines(file).forEach(line -> lines.add(line.text()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String[] texts = new String[count];
        int next = 0;
        for (int t = 0; t < count; t++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < LENGTH) {
                text.append(lines.get(next++ % lines.size())).append(t % 4 == 0 ? PASTED[t % PASTED.length] : "").append('。');
            }
            texts[t] = text.substring(0, LENGTH);
        }
        return texts;
    }

    private static List<Path> corpusFiles() {
        Path dir = Files.isDirectory(Path.of("data/triage")) ? Path.of("data/triage") : Path.of("../data/triage");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jsonl")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }
}

package com.govfeedback.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.govfeedback.triage.model.PhraseTable;
import com.govfeedback.triage.text.TextNormalizer;

/** Assigns the taxonomy's topic tags whose keywords occur in the normalised text, in taxonomy order. */
public final class TopicTagger {
    private final List<String> codes;
    private final PhraseTable keywords;

    public TopicTagger(Taxonomy taxonomy, TextNormalizer normalizer) {
        codes = taxonomy.tags().stream().map(Taxonomy.Tag::code).toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int t = 0; t < codes.size(); t++) {
            for (String keyword : taxonomy.tags().get(t).keywords()) {
                index.putIfAbsent(normalizer.normalize(keyword), t);
            }
        }
        keywords = new PhraseTable(index);
    }

    /** @param cps code points of normalised text */
    public List<String> tags(int[] cps) {
        boolean[] found = new boolean[codes.size()];
        keywords.forEachMatch(cps, cps.length, (start, end, tag) -> found[tag] = true);
        List<String> tags = new ArrayList<>(2);
        for (int t = 0; t < found.length; t++) {
            if (found[t]) {
                tags.add(codes.get(t));
            }
        }
        return tags;
    }
}

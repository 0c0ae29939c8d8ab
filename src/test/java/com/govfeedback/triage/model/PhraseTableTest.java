package com.govfeedback.triage.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseTableTest {
    @Test
    void reportsEveryOccurrenceLongestFirstAtEachStart() {
        PhraseTable table = new PhraseTable(Map.of("满意", 0, "不满意", 1, "app", 2, "", 3));
        int[] text = "不满意app很满意".codePoints().toArray();
        List<String> found = new ArrayList<>();

        table.forEachMatch(text, text.length, (start, end, value) ->
                found.add(new String(text, start, end - start) + "=" + value + "@" + start));

        assertThat(found).containsExactly("不满意=1@0", "满意=0@1", "app=2@3", "满意=0@7");
    }

    @Test
    void groupsMapEachPhraseToItsGroupIndex() {
        PhraseTable table = PhraseTable.ofGroups(List.of(List.of("社保", "养老金"), List.of("公积金")));
        int[] text = "养老金和公积金".codePoints().toArray();
        List<Integer> groups = new ArrayList<>();

        table.forEachMatch(text, text.length, (start, end, group) -> groups.add(group));

        assertThat(groups).containsExactly(0, 1);
    }
}

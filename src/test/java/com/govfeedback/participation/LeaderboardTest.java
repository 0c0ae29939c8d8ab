package com.govfeedback.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.govfeedback.participation.leaderboard.BoardPeriods;
import com.govfeedback.participation.leaderboard.Leaderboard;
import com.govfeedback.participation.leaderboard.Profiles;

/** 贡献榜: top N per city and period from the shard items the payments keep, masked names, opt-out respected. */
class LeaderboardTest {
    private final Participation p = new Participation();

    @Test
    void theBoardRanksTheCitysTopContributorsWithMaskedNamesAndBoundedReads() {
        String zhang = Participation.citizen();
        String li = Participation.citizen();
        String elsewhere = Participation.citizen();
        p.profiles.save(zhang, "张三", "440305", false, false);
        p.profiles.save(li, "李四", "440306", false, false);
        p.profiles.save(elsewhere, "王五", "110105", false, false);
        p.ledger.award("idea:A", zhang, "GOLDEN_IDEA_ADOPTED");
        p.ledger.award("bug:B", li, "BUG_CONFIRMED");
        p.ledger.award("idea:C", elsewhere, "GOLDEN_IDEA_ADOPTED");

        BoardPeriods periods = p.rules.periods();
        for (String period : List.of(periods.week(Participation.NOW), periods.month(Participation.NOW), BoardPeriods.ALL_TIME)) {
            Leaderboard.Board board = p.board.top("4403", period);
            assertThat(board.rows()).extracting(Leaderboard.Row::name).containsExactly("张*", "李*");
            assertThat(board.rows()).extracting(Leaderboard.Row::points).containsExactly(200L, 20L);
            assertThat(board.itemsRead()).isEqualTo(Leaderboard.SHARDS);
        }
        assertThat(p.board.top("1101", BoardPeriods.ALL_TIME).rows()).extracting(Leaderboard.Row::name).containsExactly("王*");
    }

    @Test
    void aCitizenWhoOptsOutLeavesTheBoardsAndIsNotPutBack() {
        String citizen = Participation.citizen();
        p.profiles.save(citizen, "欧阳娜娜", "440305", false, false);
        p.ledger.award("idea:OPT1", citizen, "GOLDEN_IDEA_ADOPTED");
        assertThat(p.board.top("4403", BoardPeriods.ALL_TIME).rows()).extracting(Leaderboard.Row::name).containsExactly("欧***");

        p.board.saveProfile(citizen, "欧阳娜娜", "440305", true, false, List.of(BoardPeriods.ALL_TIME));
        p.ledger.award("idea:OPT2", citizen, "GOLDEN_IDEA_ADOPTED");
        assertThat(p.board.top("4403", BoardPeriods.ALL_TIME).rows()).isEmpty();
    }

    @Test
    void onlyTheTopNStayOnAShard() {
        Leaderboard small = new Leaderboard(p.dynamo, p.table, p.profiles, 2);
        for (int i = 1; i <= 12; i++) {
            String citizen = "top-" + i;
            p.profiles.save(citizen, "赵" + i, "440305", false, false);
            small.record(citizen, java.util.Map.of("ALL", (long) i * 10));
        }
        assertThat(small.top("4403", "ALL").rows()).extracting(Leaderboard.Row::points).containsExactly(120L, 110L);
        assertThat(Profiles.mask("张三")).isEqualTo("张*");
    }
}

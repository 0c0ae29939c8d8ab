package com.govfeedback.participation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.govfeedback.participation.leaderboard.Leaderboard;
import com.govfeedback.participation.leaderboard.Profiles;
import com.govfeedback.participation.ledger.Ledger;
import com.govfeedback.participation.ledger.PointRules;
import com.govfeedback.participation.levels.StarLevels;
import com.govfeedback.participation.rewards.Catalogue;
import com.govfeedback.participation.rewards.Fulfilment;
import com.govfeedback.participation.rewards.Redemptions;
import com.govfeedback.participation.store.ParticipationTrail;
import com.govfeedback.storage.LocalTableBootstrap;
import com.govfeedback.testing.Dynalite;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The participation core wired against a fresh table of the shared test store, at a fixed time. */
public final class Participation {
    /** Wed 2026-12-02 10:00 Shanghai. */
    public static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    public final DynamoDbClient dynamo = Dynalite.shared().client();
    public final String table = Dynalite.tableName() + "-participation-" + UUID.randomUUID();
    public final PointRules rules = PointRules.loadDefault();
    public final StarLevels levels = StarLevels.loadDefault();
    public final ParticipationTrail trail = new ParticipationTrail(dynamo, table);
    public final Profiles profiles = new Profiles(dynamo, table);
    public final Leaderboard board = new Leaderboard(dynamo, table, profiles, 20);
    public final Catalogue catalogue = new Catalogue(dynamo, table);
    public final Ledger ledger;
    public final Redemptions redemptions;

    public Participation(Clock clock, Fulfilment fulfilment) {
        LocalTableBootstrap.createIfMissing(dynamo, table);
        ledger = new Ledger(dynamo, table, rules, levels, board, trail, clock);
        redemptions = new Redemptions(ledger, catalogue, fulfilment, trail, clock);
    }

    public Participation() {
        this(Clock.fixed(NOW, ZoneOffset.UTC), Fulfilment.vouchers());
    }

    public static String citizen() {
        return "citizen-" + UUID.randomUUID();
    }
}

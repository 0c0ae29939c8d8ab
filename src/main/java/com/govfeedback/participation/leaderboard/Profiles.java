package com.govfeedback.participation.leaderboard;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.govfeedback.participation.store.GuardedMoves.Key;
import com.govfeedback.participation.store.ParticipationKeys;
import com.govfeedback.shared.ValidationException;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.StoreCalls;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the 贡献榜 shows of a citizen: a masked name (the family name and one {@code *} per further character; the full name
 * is never stored), the city (the first four digits of a region code) and whether they opted out of every board; and
 * whether they consent to be named (署名) under that masked name where their suggestions are credited (金点子, the
 * results wall). Without that consent they are credited as an anonymous citizen.
 */
public final class Profiles {
    private final DynamoDbClient dynamo;
    private final String table;

    public Profiles(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** @param city null until the citizen names a region */
    public record Profile(String maskedName, String city, boolean optOut, boolean namedOnCredits) {
        public boolean onBoards() {
            return !optOut && city != null;
        }

        /** The name a credit shows: the masked name with consent, else nothing (anonymous). */
        public Optional<String> creditName() {
            return namedOnCredits ? Optional.of(maskedName) : Optional.empty();
        }
    }

    public static final Profile NONE = new Profile("*", null, false, false);

    public Profile get(String subject) {
        Map<String, AttributeValue> item = StoreCalls.call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(ParticipationKeys.profile(subject).value()))).item();
        if (item == null || item.isEmpty()) {
            return NONE;
        }
        return new Profile(Attributes.string(item, "maskedName"), Attributes.string(item, "city"), flag(item, "optOut"), flag(item, "namedOnCredits"));
    }

    /** Stores the profile (a repeat stores the same); 422 for a missing name or a region code that is not six digits. */
    public Profile save(String subject, String name, String regionCode, boolean optOut, boolean namedOnCredits) {
        if (name == null || name.isBlank() || name.strip().codePointCount(0, name.strip().length()) > 20) {
            throw new ValidationException("name", "is required, at most 20 characters");
        }
        if (regionCode == null || !regionCode.matches("\\d{6}")) {
            throw new ValidationException("regionCode", "must be a six-digit administrative region code");
        }
        Profile profile = new Profile(mask(name), regionCode.substring(0, 4), optOut, namedOnCredits);
        Key key = ParticipationKeys.profile(subject);
        Map<String, AttributeValue> item = new HashMap<>(key.value());
        item.put(TableSchema.ENTITY, Attributes.s("PROFILE"));
        item.put("maskedName", Attributes.s(profile.maskedName()));
        item.put("city", Attributes.s(profile.city()));
        item.put("optOut", AttributeValue.fromBool(optOut));
        item.put("namedOnCredits", AttributeValue.fromBool(namedOnCredits));
        StoreCalls.run(() -> dynamo.putItem(b -> b.tableName(table).item(item)));
        return profile;
    }

    private static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***: the first character stays, every other one becomes {@code *}. */
    public static String mask(String name) {
        String stripped = name.strip();
        int first = stripped.codePointAt(0);
        int rest = stripped.codePointCount(0, stripped.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
    }
}

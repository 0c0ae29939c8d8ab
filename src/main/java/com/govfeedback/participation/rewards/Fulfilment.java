package com.govfeedback.participation.rewards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.govfeedback.participation.ledger.LedgerEntry;

/**
 * Hands a redeemed reward to the citizen (a coupon from the service platform, phone credit from the carrier). Called
 * with the redemption, whose cause id the provider must treat as its idempotency key, so a retried call issues once.
 */
@FunctionalInterface
public interface Fulfilment {
    /** @param voucher what was issued, or null with {@code failure} saying why the provider refused */
    record Result(String voucher, String failure) {
        public static Result issued(String voucher) {
            return new Result(voucher, null);
        }

        public static Result failed(String why) {
            return new Result(null, why);
        }
    }

    /** Issues the reward or says why not; throws when the provider cannot be reached (the re-drive tries again). */
    Result issue(LedgerEntry redemption);

    /**
     * The built-in issuer for service coupons: a voucher code derived from the redemption (the same redemption always gets
     * the same code), redeemed at the service hall against the ledger.
     */
    static Fulfilment vouchers() {
        return redemption -> {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest((redemption.citizen() + "/" + redemption.causeId()).getBytes(StandardCharsets.UTF_8));
                return Result.issued("GV-" + HexFormat.of().formatHex(digest, 0, 8).toUpperCase(java.util.Locale.ROOT));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        };
    }
}

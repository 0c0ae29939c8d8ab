package com.govfeedback.feedback.contact;

import java.nio.charset.StandardCharsets;

import com.govfeedback.crypto.EnvelopeCipher;
import com.govfeedback.feedback.ContactPhone;

/**
 * Seals a feedback's callback phone (SM4-GCM, envelope-encrypted) bound to that feedback and field: copied to another
 * item it does not open. The plain number exists only in memory, on the way in and when revealed.
 */
public final class ContactProtection {
    private final EnvelopeCipher cipher;

    public ContactProtection(EnvelopeCipher cipher) {
        this.cipher = cipher;
    }

    /** @param digits a number {@link PhoneNumbers#normalise} accepted */
    public ContactPhone seal(String feedbackId, String digits) {
        return new ContactPhone(PhoneNumbers.mask(digits), cipher.seal(digits.getBytes(StandardCharsets.UTF_8), boundTo(feedbackId)));
    }

    public String open(String feedbackId, ContactPhone phone) {
        return new String(cipher.open(phone.sealed(), boundTo(feedbackId)), StandardCharsets.UTF_8);
    }

    /** Whether it was sealed under the current key-encryption key (else {@link #seal} it again when it is next read). */
    public boolean isCurrent(ContactPhone phone) {
        return cipher.isCurrent(phone.sealed());
    }

    private static byte[] boundTo(String feedbackId) {
        return ("FEEDBACK#" + feedbackId + "|contactPhone").getBytes(StandardCharsets.UTF_8);
    }
}

package com.govfeedback.feedback;

import com.govfeedback.crypto.Sealed;

/**
 * A callback phone number as stored: never in plain, only sealed (SM4, envelope-encrypted) and as the masked form views
 * show ({@code 138****5678}).
 */
public record ContactPhone(String masked, Sealed sealed) {
}

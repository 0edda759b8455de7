package dev.warden.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The mechanics every Warden secret shares (session and device tokens, receivers' client secrets
 * and access tokens): 256 random bits written base64url without padding (43 characters), a format
 * check before anything is looked up, a SHA-256 under a purpose prefix for storage, and
 * constant-time comparison.
 */
final class RandomSecrets {
    private static final int BYTES = 32;
    /** 256 bits in base64url without padding. */
    private static final int LENGTH = 43;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final MessageDigest SHA_256 = sha256();

    private RandomSecrets() {
    }

    static String generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** @throws IllegalArgumentException naming {@code what} when {@code presented} cannot be a secret */
    static String requireWellFormed(String presented, String what) {
        if (presented == null || presented.length() != LENGTH) {
            throw new IllegalArgumentException(what + " is malformed");
        }
        // Checked by hand, not by a regular expression: this runs on every validation.
        for (int i = 0; i < LENGTH; i++) {
            char c = presented.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                throw new IllegalArgumentException(what + " is malformed");
            }
        }
        return presented;
    }

    /** SHA-256 of {@code prefix + secret}, base64url: the prefix keeps different uses from colliding. */
    static String digest(String prefix, String secret) {
        byte[] digest = newSha256().digest((prefix + secret).getBytes(StandardCharsets.US_ASCII));
        return BASE64URL.encodeToString(digest);
    }

    /** A copy of one looked-up instance: every validation hashes its token, and the provider lookup cost more than the copy. */
    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be copied", e);
        }
    }

    static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

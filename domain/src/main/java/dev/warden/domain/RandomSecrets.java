package dev.warden.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The mechanics every Warden secret shares (session and device tokens, receivers' client secrets
 * and access tokens): 256 random bits written base64url without padding (43 characters), a format
 * check before anything is looked up, a SHA-256 under a purpose prefix for storage, and
 * constant-time comparison.
 */
final class RandomSecrets {
    private static final int BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private RandomSecrets() {
    }

    static String generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** @throws IllegalArgumentException naming {@code what} when {@code presented} cannot be a secret */
    static String requireWellFormed(String presented, String what) {
        if (presented == null || !FORMAT.matcher(presented).matches()) {
            throw new IllegalArgumentException(what + " is malformed");
        }
        return presented;
    }

    /** SHA-256 of {@code prefix + secret}, base64url: the prefix keeps different uses from colliding. */
    static String digest(String prefix, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((prefix + secret).getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }
}

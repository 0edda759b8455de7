package dev.warden.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The bearer secret of a session: 256 random bits, base64url without padding (43 characters).
 * Only its {@link #hash()} is ever stored; the raw value leaves the service once, in the login
 * response. {@link #toString()} never reveals it, so it cannot slip into a log line.
 */
public final class SessionToken {
    private static final int BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String value;

    private SessionToken(String value) {
        this.value = value;
    }

    public static SessionToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new SessionToken(BASE64URL.encodeToString(bytes));
    }

    /**
     * Reads a token presented by a client.
     *
     * @throws IllegalArgumentException when it cannot be a Warden token (wrong length or alphabet)
     */
    public static SessionToken parse(String presented) {
        if (presented == null || !FORMAT.matcher(presented).matches()) {
            throw new IllegalArgumentException("token is malformed");
        }
        return new SessionToken(presented);
    }

    /** The raw value, for the one response that hands it to its owner. */
    public String reveal() {
        return value;
    }

    public TokenHash hash() {
        return new TokenHash(BASE64URL.encodeToString(sha256("session:" + value)));
    }

    /**
     * The CSRF token that goes with this session: derived from the secret, so it needs no storage,
     * and unknowable to a page that cannot read the HttpOnly cookie.
     */
    public String csrfToken() {
        return BASE64URL.encodeToString(sha256("csrf:" + value));
    }

    /** Constant-time comparison of a presented CSRF token with this session's. */
    public boolean matchesCsrf(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(csrfToken().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionToken that
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                that.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return "SessionToken[redacted]";
    }
}

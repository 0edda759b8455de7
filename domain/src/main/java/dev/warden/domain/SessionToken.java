package dev.warden.domain;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The bearer secret of a session: 256 random bits, base64url without padding (43 characters).
 * Only its {@link #hash()} is ever stored; the raw value leaves the service once, in the login
 * response. {@link #toString()} never reveals it, so it cannot slip into a log line.
 */
public final class SessionToken {
    private final String value;

    private SessionToken(String value) {
        this.value = value;
    }

    public static SessionToken generate(SecureRandom random) {
        return new SessionToken(RandomSecrets.generate(random));
    }

    /**
     * Reads a token presented by a client.
     *
     * @throws IllegalArgumentException when it cannot be a Warden token (wrong length or alphabet)
     */
    public static SessionToken parse(String presented) {
        return new SessionToken(RandomSecrets.requireWellFormed(presented, "token"));
    }

    /** The raw value, for the one response that hands it to its owner. */
    public String reveal() {
        return value;
    }

    public TokenHash hash() {
        return new TokenHash(RandomSecrets.digest("session:", value));
    }

    /**
     * The CSRF token that goes with this session: derived from the secret, so it needs no storage,
     * and unknowable to a page that cannot read the HttpOnly cookie.
     */
    public String csrfToken() {
        return RandomSecrets.digest("csrf:", value);
    }

    /** Constant-time comparison of a presented CSRF token with this session's. */
    public boolean matchesCsrf(String presented) {
        return RandomSecrets.constantTimeEquals(csrfToken(), presented);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionToken that && RandomSecrets.constantTimeEquals(value, that.value);
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

package dev.warden.domain;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * An OAuth access token issued to a receiver by the client-credentials grant: opaque, 256 random
 * bits, base64url without padding (43 characters), made as a {@link SessionToken} is. Only its
 * {@link #hash()} is stored; {@link #toString()} never reveals it.
 */
public final class ReceiverAccessToken {
    private final String value;

    private ReceiverAccessToken(String value) {
        this.value = value;
    }

    public static ReceiverAccessToken generate(SecureRandom random) {
        return new ReceiverAccessToken(RandomSecrets.generate(random));
    }

    /**
     * Reads a bearer token presented by a receiver.
     *
     * @throws IllegalArgumentException when it cannot be a Warden access token (wrong length or alphabet)
     */
    public static ReceiverAccessToken parse(String presented) {
        return new ReceiverAccessToken(RandomSecrets.requireWellFormed(presented, "access token"));
    }

    /** The raw value, for the token response. */
    public String reveal() {
        return value;
    }

    /** SHA-256 of {@code "oauth-token:" + token}: another prefix than a session's, so the two never collide. */
    public TokenHash hash() {
        return new TokenHash(RandomSecrets.digest("oauth-token:", value));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceiverAccessToken that && RandomSecrets.constantTimeEquals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return "ReceiverAccessToken[redacted]";
    }
}

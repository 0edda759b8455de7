package dev.warden.domain;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * A receiver's OAuth client secret: 256 random bits, base64url without padding (43 characters),
 * made as a {@link SessionToken} is. It is shown once, when the client is registered; only its
 * {@link #hash()} is stored. A SHA-256 suffices (no Argon2): 256 random bits cannot be guessed
 * from their hash, unlike a password. {@link #toString()} never reveals it.
 */
public final class ClientSecret {
    private final String value;

    private ClientSecret(String value) {
        this.value = value;
    }

    public static ClientSecret generate(SecureRandom random) {
        return new ClientSecret(RandomSecrets.generate(random));
    }

    /**
     * Reads a secret presented at the token endpoint.
     *
     * @throws IllegalArgumentException when it cannot be a Warden client secret (wrong length or alphabet)
     */
    public static ClientSecret parse(String presented) {
        return new ClientSecret(RandomSecrets.requireWellFormed(presented, "client secret"));
    }

    /** The raw value, for the one response that hands it to the administrator. */
    public String reveal() {
        return value;
    }

    /** SHA-256 of {@code "ssf-client:" + secret}: a prefix of its own, so it never collides with a token's. */
    public TokenHash hash() {
        return new TokenHash(RandomSecrets.digest("ssf-client:", value));
    }

    /** Constant-time comparison with a stored hash. */
    public boolean matches(TokenHash stored) {
        return stored != null && RandomSecrets.constantTimeEquals(hash().value(), stored.value());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientSecret that && RandomSecrets.constantTimeEquals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return "ClientSecret[redacted]";
    }
}

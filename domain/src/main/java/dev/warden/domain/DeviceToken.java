package dev.warden.domain;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * What a browser keeps to be recognised as a known device: 256 random bits, base64url without
 * padding (43 characters), in the {@code warden_device} cookie. One browser has one token, which
 * may be known for several users. Only its {@link #hash()} is stored; {@link #toString()} never
 * reveals it. It opens nothing by itself: it only exempts a login that also has the right
 * password from the account's lock and the per-IP throttle.
 */
public final class DeviceToken {
    private final String value;

    private DeviceToken(String value) {
        this.value = value;
    }

    public static DeviceToken generate(SecureRandom random) {
        return new DeviceToken(RandomSecrets.generate(random));
    }

    /**
     * Reads a token presented by a browser.
     *
     * @throws IllegalArgumentException when it cannot be a Warden device token (wrong length or alphabet)
     */
    public static DeviceToken parse(String presented) {
        return new DeviceToken(RandomSecrets.requireWellFormed(presented, "device token"));
    }

    /** The raw value, for the cookie that hands it to its browser. */
    public String reveal() {
        return value;
    }

    /** SHA-256 of {@code "device:" + token}: another prefix than a session token's, so the two never collide. */
    public TokenHash hash() {
        return new TokenHash(RandomSecrets.digest("device:", value));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceToken that && RandomSecrets.constantTimeEquals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return "DeviceToken[redacted]";
    }
}

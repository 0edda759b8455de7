package dev.warden.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a browser keeps to be recognised as a known device: 256 random bits, base64url without
 * padding (43 characters), in the {@code warden_device} cookie. One browser has one token, which
 * may be known for several users. Only its {@link #hash()} is stored; {@link #toString()} never
 * reveals it. It opens nothing by itself: it only exempts a login that also has the right
 * password from the account's lock and the per-IP throttle.
 */
public final class DeviceToken {
    private static final int BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String value;

    private DeviceToken(String value) {
        this.value = value;
    }

    public static DeviceToken generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new DeviceToken(BASE64URL.encodeToString(bytes));
    }

    /**
     * Reads a token presented by a browser.
     *
     * @throws IllegalArgumentException when it cannot be a Warden device token (wrong length or alphabet)
     */
    public static DeviceToken parse(String presented) {
        if (presented == null || !FORMAT.matcher(presented).matches()) {
            throw new IllegalArgumentException("device token is malformed");
        }
        return new DeviceToken(presented);
    }

    /** The raw value, for the cookie that hands it to its browser. */
    public String reveal() {
        return value;
    }

    /** SHA-256 of {@code "device:" + token}: another prefix than a session token's, so the two never collide. */
    public TokenHash hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("device:" + value).getBytes(StandardCharsets.US_ASCII));
            return new TokenHash(BASE64URL.encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceToken that
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                that.value.getBytes(StandardCharsets.US_ASCII));
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

package dev.warden.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a receiver's access token works (WARDEN_OAUTH_TOKEN_LIFETIME): short, so that a token
 * copied from a log or a proxy is soon worthless, and at most {@link #MAX_LIFETIME}. Revoking the
 * client stops its tokens at once anyway; the lifetime bounds what a leaked token of an active
 * client can do.
 */
public record ReceiverTokenPolicy(Duration tokenLifetime) {
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(60);
    public static final ReceiverTokenPolicy DEFAULTS = new ReceiverTokenPolicy(Duration.ofMinutes(15));

    public ReceiverTokenPolicy {
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (tokenLifetime.compareTo(Duration.ofSeconds(1)) < 0 || tokenLifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("tokenLifetime must be between PT1S and " + MAX_LIFETIME
                    + ", was " + tokenLifetime);
        }
    }
}

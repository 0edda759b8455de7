package dev.warden.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An issued access token as stored: its hash, its client, what it allows and until when.
 *
 * @param expiresAt the first instant it no longer works
 */
public record ReceiverToken(TokenHash tokenHash, ReceiverClientId clientId, Set<ReceiverScope> scopes,
                            Instant expiresAt) {
    public ReceiverToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scopes, "scopes");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes must not be empty");
        }
        scopes = Collections.unmodifiableSet(EnumSet.copyOf(scopes));
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

package dev.warden.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One login's session. It is active until the earlier of its idle expiry (last request plus the
 * idle timeout) and its absolute expiry (login plus the absolute lifetime), or until it is ended.
 * Both expiries are exclusive: at exactly 60:00 of idleness the session is over.
 *
 * @param expiresAt the absolute expiry, fixed at login; activity never extends it
 */
public record Session(
        SessionId id,
        UserId userId,
        String username,
        TokenHash tokenHash,
        String ipAddress,
        String userAgent,
        Instant createdAt,
        Instant lastActiveAt,
        Instant expiresAt) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (lastActiveAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("lastActiveAt must not be before createdAt");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expiresAt must be after createdAt");
        }
    }

    /** A new session for a login that happens now. */
    public static Session start(SessionId id, UserId userId, String username, TokenHash tokenHash,
                                ClientInfo client, Instant now, WardenPolicy policy) {
        return new Session(id, userId, username, tokenHash, client.ipAddress(), client.userAgent(),
                now, now, now.plus(policy.absoluteLifetime()));
    }

    public Instant idleExpiresAt(WardenPolicy policy) {
        return lastActiveAt.plus(policy.idleTimeout());
    }

    /** The moment this session ends unless it is used (idle) or at all (absolute): the earlier one. */
    public Instant effectiveExpiry(WardenPolicy policy) {
        Instant idle = idleExpiresAt(policy);
        return idle.isBefore(expiresAt) ? idle : expiresAt;
    }

    public boolean isActiveAt(Instant now, WardenPolicy policy) {
        return now.isBefore(effectiveExpiry(policy));
    }

    /** Why this session is over at {@code now}, or empty while it is active. */
    public Optional<TerminationReason> expiryReasonAt(Instant now, WardenPolicy policy) {
        if (isActiveAt(now, policy)) {
            return Optional.empty();
        }
        return Optional.of(expiresAt.isAfter(idleExpiresAt(policy))
                ? TerminationReason.IDLE_TIMEOUT
                : TerminationReason.ABSOLUTE_LIFETIME);
    }

    /**
     * Whether a request at {@code now} should be written back as activity. Writes are coalesced
     * to one per {@link WardenPolicy#activityWriteInterval()}, so validation is usually a read only.
     */
    public boolean needsActivityWrite(Instant now, WardenPolicy policy) {
        return Duration.between(lastActiveAt, now).compareTo(policy.activityWriteInterval()) >= 0;
    }

    public Session withLastActiveAt(Instant now) {
        return new Session(id, userId, username, tokenHash, ipAddress, userAgent, createdAt, now, expiresAt);
    }
}

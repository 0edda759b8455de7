package dev.warden.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What other systems learn about a session: it was created, terminated by someone, or expired.
 * Written to the outbox in the same transaction as the change; {@code eventId} is fixed here so
 * that every redelivery carries the same id and consumers can drop duplicates.
 *
 * @param client  how the user agent reads (browser, operating system, kind of device), parsed at login;
 *                set exactly for CREATED (the ends name the session, whose client the created event told)
 * @param reason  null for CREATED
 * @param actorId who ended it; null for CREATED, expiries and when unknown
 * @param endedAt null for CREATED
 */
public record SessionEvent(
        UUID eventId,
        Type type,
        Instant occurredAt,
        SessionId sessionId,
        UserId userId,
        String username,
        String ipAddress,
        String userAgent,
        ClientDescription client,
        Instant createdAt,
        Instant expiresAt,
        TerminationReason reason,
        UserId actorId,
        Instant endedAt) implements OutboxEvent {

    /** The CloudEvents type names are fixed by the contract. */
    public enum Type {
        CREATED("warden.session.created"),
        TERMINATED("warden.session.terminated"),
        EXPIRED("warden.session.expired");

        private final String cloudEventType;

        Type(String cloudEventType) {
            this.cloudEventType = cloudEventType;
        }

        public String cloudEventType() {
            return cloudEventType;
        }
    }

    public SessionEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if ((type == Type.CREATED) != (reason == null) || (type == Type.CREATED) != (endedAt == null)) {
            throw new IllegalArgumentException("reason and endedAt are set exactly for session ends");
        }
        if ((type == Type.CREATED) != (client != null)) {
            throw new IllegalArgumentException("client is set exactly for CREATED");
        }
        if (type == Type.EXPIRED && !reason.isExpiry() || type == Type.TERMINATED && reason != null && reason.isExpiry()) {
            throw new IllegalArgumentException("EXPIRED goes with expiry reasons, TERMINATED with the others");
        }
    }

    /** @param client the session's user agent as {@code UserAgentParser} read it */
    public static SessionEvent created(Session session, ClientDescription client, Instant now) {
        return new SessionEvent(UUID.randomUUID(), Type.CREATED, now, session.id(), session.userId(),
                session.username(), session.ipAddress(), session.userAgent(), Objects.requireNonNull(client, "client"),
                session.createdAt(), session.expiresAt(), null, null, null);
    }

    /** A terminated or expired event, chosen by the reason. */
    public static SessionEvent ended(Session session, TerminationReason reason, UserId actorId, Instant endedAt) {
        return new SessionEvent(UUID.randomUUID(), reason.isExpiry() ? Type.EXPIRED : Type.TERMINATED,
                endedAt, session.id(), session.userId(), session.username(), session.ipAddress(),
                session.userAgent(), null, session.createdAt(), session.expiresAt(), reason, actorId, endedAt);
    }

    public boolean isEnd() {
        return type != Type.CREATED;
    }
}

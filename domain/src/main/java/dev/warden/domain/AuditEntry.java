package dev.warden.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the auth audit log. It records the truth (unknown user, locked account) even where
 * the login response deliberately does not.
 *
 * Text from outside is kept bounded and storable (see {@link BoundedText}): a username at most
 * {@value Username#MAX_LENGTH} characters plus a cut marker, a user agent at most
 * {@value ClientInfo#MAX_USER_AGENT_LENGTH}, so no request can make one entry arbitrarily large.
 *
 * @param userId        the account concerned; null when the username matched no account
 * @param username      as typed at login (its {@link Username#lookupForm}), or the account's
 * @param actorId       who did it, when that was not the user (an administrator); else null
 * @param sessionId     the session concerned, if any
 * @param reason        a termination reason or a short free-text detail; null when none
 */
public record AuditEntry(
        UUID id,
        AuditType type,
        Instant occurredAt,
        UserId userId,
        String username,
        UserId actorId,
        String actorUsername,
        SessionId sessionId,
        String ipAddress,
        String userAgent,
        String reason) {

    static final int MAX_IP_LENGTH = 64;
    static final int MAX_REASON_LENGTH = 256;

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        username = BoundedText.cap(username, Username.MAX_LENGTH);
        actorUsername = BoundedText.cap(actorUsername, Username.MAX_LENGTH);
        ipAddress = BoundedText.cap(ipAddress, MAX_IP_LENGTH);
        userAgent = BoundedText.cap(userAgent, ClientInfo.MAX_USER_AGENT_LENGTH);
        reason = BoundedText.cap(reason, MAX_REASON_LENGTH);
    }

    /** Starts an entry; the with-methods fill in what applies. */
    public static AuditEntry of(AuditType type, Instant occurredAt) {
        return new AuditEntry(UUID.randomUUID(), type, occurredAt, null, null, null, null, null, null, null, null);
    }

    public AuditEntry withUser(UserId userId, String username) {
        return new AuditEntry(id, type, occurredAt, userId, username, actorId, actorUsername, sessionId,
                ipAddress, userAgent, reason);
    }

    public AuditEntry withActor(UserId actorId, String actorUsername) {
        return new AuditEntry(id, type, occurredAt, userId, username, actorId, actorUsername, sessionId,
                ipAddress, userAgent, reason);
    }

    public AuditEntry withSession(SessionId sessionId) {
        return new AuditEntry(id, type, occurredAt, userId, username, actorId, actorUsername, sessionId,
                ipAddress, userAgent, reason);
    }

    public AuditEntry withClient(ClientInfo client) {
        return new AuditEntry(id, type, occurredAt, userId, username, actorId, actorUsername, sessionId,
                client.ipAddress(), client.userAgent(), reason);
    }

    public AuditEntry withReason(String reason) {
        return new AuditEntry(id, type, occurredAt, userId, username, actorId, actorUsername, sessionId,
                ipAddress, userAgent, reason);
    }
}

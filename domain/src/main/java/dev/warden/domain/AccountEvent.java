package dev.warden.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A change to an account that other services may act on (offboarding when it is disabled, a
 * brute-force signal when it is locked). Written to the outbox with the change.
 *
 * @param actorId who made the change: an administrator, the user themself (own password change), or
 *                null when nobody did (a lock caused by failed logins, the owner created at first start)
 * @param role    the role, only where it was set: on CREATED and ROLE_CHANGED; otherwise null
 */
public record AccountEvent(
        UUID eventId,
        Type type,
        Instant occurredAt,
        UserId userId,
        String username,
        UserId actorId,
        Role role) implements OutboxEvent {

    /** The CloudEvents type names are fixed by the contract. A password reset is a PASSWORD_CHANGED too. */
    public enum Type {
        CREATED("warden.account.created"),
        DISABLED("warden.account.disabled"),
        ENABLED("warden.account.enabled"),
        ROLE_CHANGED("warden.account.role-changed"),
        PASSWORD_CHANGED("warden.account.password-changed"),
        LOCKED("warden.account.locked"),
        UNLOCKED("warden.account.unlocked");

        private final String cloudEventType;

        Type(String cloudEventType) {
            this.cloudEventType = cloudEventType;
        }

        public String cloudEventType() {
            return cloudEventType;
        }

        /** The types that say which role the account has now. */
        public boolean carriesRole() {
            return this == CREATED || this == ROLE_CHANGED;
        }
    }

    public AccountEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        if ((role != null) != type.carriesRole()) {
            throw new IllegalArgumentException("role is set exactly for CREATED and ROLE_CHANGED");
        }
    }

    /** The event for {@code account} as it is after the change. */
    public static AccountEvent of(Type type, Account account, UserId actorId, Instant at) {
        return new AccountEvent(UUID.randomUUID(), type, at, account.id(), account.username(), actorId,
                type.carriesRole() ? account.role() : null);
    }
}

package dev.warden.adapter.db;

import dev.warden.domain.Account;
import dev.warden.domain.AccountStatus;
import dev.warden.domain.Role;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Builders for the rows the contracts need; times are whole microseconds, as stored. */
final class TestData {
    static final Instant NOW = Instant.parse("2030-03-04T12:00:00.123456Z");
    static final Duration IDLE = Duration.ofMinutes(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestData() {
    }

    static Account anAccount(String username) {
        return new Account(UserId.random(), username, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", Role.USER,
                AccountStatus.ACTIVE, 0, null, NOW.minus(Duration.ofDays(30)));
    }

    static Account anAccount(String username, Role role) {
        Account account = anAccount(username);
        return new Account(account.id(), username, account.passwordHash(), role, AccountStatus.ACTIVE, 0, null,
                account.createdAt());
    }

    static TokenHash aTokenHash() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new TokenHash(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    static SessionBuilder aSession(Account owner) {
        return new SessionBuilder(owner);
    }

    /** An active session by default: created an hour ago, used a minute ago, expires in a day. */
    static final class SessionBuilder {
        private final Account owner;
        private SessionId id = SessionId.random();
        private String ip = "203.0.113.7";
        private String userAgent = "Firefox/140.0";
        private Instant createdAt = NOW.minus(Duration.ofHours(1));
        private Instant lastActiveAt = NOW.minus(Duration.ofMinutes(1));
        private Instant expiresAt = NOW.plus(Duration.ofHours(23));

        private SessionBuilder(Account owner) {
            this.owner = owner;
        }

        SessionBuilder withId(SessionId value) {
            id = value;
            return this;
        }

        SessionBuilder withIp(String value) {
            ip = value;
            return this;
        }

        SessionBuilder lastActiveAt(Instant value) {
            lastActiveAt = value;
            if (createdAt.isAfter(value)) {
                createdAt = value;
            }
            return this;
        }

        SessionBuilder expiresAt(Instant value) {
            expiresAt = value;
            if (!createdAt.isBefore(value)) {
                createdAt = value.minus(Duration.ofHours(24));
                lastActiveAt = createdAt;
            }
            return this;
        }

        Session build() {
            return new Session(id, owner.id(), owner.username(), aTokenHash(), ip, userAgent, createdAt,
                    lastActiveAt, expiresAt);
        }
    }
}

package dev.warden.domain.testdata;

import dev.warden.domain.Account;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import dev.warden.domain.WardenPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds a {@link Session}. By default it is active at {@link TestData#NOW}: created an hour before,
 * used a minute before, expiring 23 hours after. Moving one time keeps the others consistent (a
 * session is never used before it was created).
 */
public final class SessionBuilder {
    private SessionId id = SessionId.random();
    private UserId userId = TestData.ALICE;
    private String username = "alice";
    private TokenHash tokenHash = TestData.aTokenHash();
    private String ipAddress = "203.0.113.7";
    private String userAgent = "Firefox/140.0";
    private Instant createdAt = TestData.NOW.minus(Duration.ofHours(1));
    private Instant lastActiveAt = TestData.NOW.minus(Duration.ofMinutes(1));
    private Instant expiresAt = TestData.NOW.plus(Duration.ofHours(23));

    SessionBuilder() {
    }

    public SessionBuilder of(Account owner) {
        return forUser(owner.id(), owner.username());
    }

    public SessionBuilder forUser(UserId value, String name) {
        userId = value;
        username = name;
        return this;
    }

    public SessionBuilder withId(SessionId value) {
        id = value;
        return this;
    }

    public SessionBuilder withTokenHash(TokenHash value) {
        tokenHash = value;
        return this;
    }

    public SessionBuilder withIp(String value) {
        ipAddress = value;
        return this;
    }

    public SessionBuilder withUserAgent(String value) {
        userAgent = value;
        return this;
    }

    /** A login at {@code at} under the default policy, not used since. */
    public SessionBuilder startedAt(Instant at) {
        return startedAt(at, WardenPolicy.DEFAULTS);
    }

    /** A login at {@code at} under {@code policy}, not used since. */
    public SessionBuilder startedAt(Instant at, WardenPolicy policy) {
        Session started = Session.start(id, userId, username, tokenHash, new ClientInfo(ipAddress, userAgent), at,
                policy);
        createdAt = started.createdAt();
        lastActiveAt = started.lastActiveAt();
        expiresAt = started.expiresAt();
        return this;
    }

    public SessionBuilder lastActiveAt(Instant value) {
        lastActiveAt = value;
        if (createdAt.isAfter(value)) {
            createdAt = value;
        }
        return this;
    }

    public SessionBuilder expiresAt(Instant value) {
        expiresAt = value;
        if (!createdAt.isBefore(value)) {
            createdAt = value.minus(Duration.ofHours(24));
            lastActiveAt = createdAt;
        }
        return this;
    }

    public Session build() {
        return new Session(id, userId, username, tokenHash, ipAddress, userAgent, createdAt, lastActiveAt, expiresAt);
    }
}

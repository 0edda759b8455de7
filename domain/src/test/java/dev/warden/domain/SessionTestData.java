package dev.warden.domain;

import java.time.Instant;

/** Builds sessions for tests; every field has a sensible default. */
public final class SessionTestData {
    public static final Instant LOGIN_TIME = Instant.parse("2026-11-26T08:00:00Z");

    private SessionId id = SessionId.random();
    private UserId userId = new UserId(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private String username = "alice";
    private String ip = "203.0.113.7";
    private Instant createdAt = LOGIN_TIME;
    private WardenPolicy policy = WardenPolicy.DEFAULTS;

    private SessionTestData() {
    }

    public static SessionTestData aSession() {
        return new SessionTestData();
    }

    public SessionTestData withId(SessionId value) {
        this.id = value;
        return this;
    }

    public SessionTestData forUser(UserId value, String name) {
        this.userId = value;
        this.username = name;
        return this;
    }

    public SessionTestData withIp(String value) {
        this.ip = value;
        return this;
    }

    public SessionTestData createdAt(Instant value) {
        this.createdAt = value;
        return this;
    }

    public SessionTestData withPolicy(WardenPolicy value) {
        this.policy = value;
        return this;
    }

    public Session build() {
        return Session.start(id, userId, username, SessionToken.generate(new java.security.SecureRandom()).hash(),
                new ClientInfo(ip, "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0"), createdAt, policy);
    }
}

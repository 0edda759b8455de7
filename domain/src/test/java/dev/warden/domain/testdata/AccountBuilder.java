package dev.warden.domain.testdata;

import dev.warden.domain.Account;
import dev.warden.domain.AccountStatus;
import dev.warden.domain.Role;
import dev.warden.domain.UserId;
import java.time.Duration;
import java.time.Instant;

/** Builds an {@link Account}; see {@link TestData#anAccount()} for the defaults. */
public final class AccountBuilder {
    private UserId id = UserId.random();
    private String username = "alice";
    private String passwordHash = TestData.PASSWORD_HASH;
    private Role role = Role.USER;
    private AccountStatus status = AccountStatus.ACTIVE;
    private int failedAttempts;
    private Instant lockedUntil;
    private Instant createdAt = TestData.NOW.minus(Duration.ofDays(30));

    AccountBuilder() {
    }

    public AccountBuilder withId(UserId value) {
        id = value;
        return this;
    }

    public AccountBuilder named(String value) {
        username = value;
        return this;
    }

    public AccountBuilder withPasswordHash(String value) {
        passwordHash = value;
        return this;
    }

    public AccountBuilder withRole(Role value) {
        role = value;
        return this;
    }

    public AccountBuilder disabled() {
        status = AccountStatus.DISABLED;
        return this;
    }

    public AccountBuilder withFailedAttempts(int value) {
        failedAttempts = value;
        return this;
    }

    /** The end of a lock; before the time of a check, the lock has passed. */
    public AccountBuilder lockedUntil(Instant value) {
        lockedUntil = value;
        return this;
    }

    public AccountBuilder createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    public Account build() {
        return new Account(id, username, passwordHash, role, status, failedAttempts, lockedUntil, createdAt);
    }
}

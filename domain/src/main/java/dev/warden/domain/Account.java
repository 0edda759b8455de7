package dev.warden.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user who can log in. Consecutive failed logins are counted; reaching the lockout threshold
 * locks the account until a fixed moment (exclusive) and starts the count afresh. A success
 * resets the count. The OWNER can never be disabled or demoted, so the owner can always log in.
 *
 * @param lockedUntil the end of the current or last lock, or null when never locked
 */
public record Account(
        UserId id,
        String username,
        String passwordHash,
        Role role,
        AccountStatus status,
        int failedAttempts,
        Instant lockedUntil,
        Instant createdAt) {

    public static final int MAX_USERNAME_LENGTH = 64;

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failedAttempts must not be negative");
        }
        if (role == Role.OWNER && status != AccountStatus.ACTIVE) {
            throw new OwnerProtected("The owner account cannot be disabled.");
        }
    }

    /** A new active account with no failures. */
    public static Account create(UserId id, Username username, String passwordHash, Role role, Instant now) {
        return new Account(id, username.value(), passwordHash, role, AccountStatus.ACTIVE, 0, null, now);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** The lock's end while locked at {@code now}. */
    public Optional<Instant> activeLockAt(Instant now) {
        return isLockedAt(now) ? Optional.of(lockedUntil) : Optional.empty();
    }

    public boolean canLogIn(Instant now) {
        return status == AccountStatus.ACTIVE && !isLockedAt(now);
    }

    /**
     * Counts one failed login. The failure that reaches the threshold locks the account for the
     * lockout duration. Failures while locked are not counted (the caller rejects them first).
     */
    public Account recordFailedLogin(Instant now, WardenPolicy policy) {
        if (isLockedAt(now)) {
            return this;
        }
        int failures = failedAttempts + 1;
        if (failures >= policy.lockoutThreshold()) {
            return new Account(id, username, passwordHash, role, status, 0,
                    now.plus(policy.lockoutDuration()), createdAt);
        }
        return new Account(id, username, passwordHash, role, status, failures, lockedUntil, createdAt);
    }

    /** True when {@code after} is the result of a failure that just locked this account. */
    public boolean becameLockedBy(Account after, Instant now) {
        return !isLockedAt(now) && after.isLockedAt(now);
    }

    public Account recordSuccessfulLogin() {
        return failedAttempts == 0 ? this
                : new Account(id, username, passwordHash, role, status, 0, lockedUntil, createdAt);
    }

    /** An administrator lifts the lock and clears the count. */
    public Account unlock() {
        return new Account(id, username, passwordHash, role, status, 0, null, createdAt);
    }

    /** @throws OwnerProtected for the owner */
    public Account disable() {
        if (role == Role.OWNER) {
            throw new OwnerProtected("The owner account cannot be disabled.");
        }
        return new Account(id, username, passwordHash, role, AccountStatus.DISABLED, failedAttempts,
                lockedUntil, createdAt);
    }

    /** Lets a disabled account log in again; its sessions ended when it was disabled and stay ended. */
    public Account enable() {
        return status == AccountStatus.ACTIVE ? this
                : new Account(id, username, passwordHash, role, AccountStatus.ACTIVE, failedAttempts, lockedUntil,
                createdAt);
    }

    /**
     * A new password (already hashed). The failures counted against the old one no longer mean
     * anything, so the count is cleared and a lock is lifted.
     */
    public Account withPassword(String newPasswordHash) {
        Objects.requireNonNull(newPasswordHash, "newPasswordHash");
        return new Account(id, username, newPasswordHash, role, status, 0, null, createdAt);
    }

    /** @throws OwnerProtected when demoting the owner or making a second owner */
    public Account withRole(Role newRole) {
        Objects.requireNonNull(newRole, "newRole");
        if (role == Role.OWNER && newRole != Role.OWNER) {
            throw new OwnerProtected("The owner account cannot be demoted.");
        }
        if (newRole == Role.OWNER && role != Role.OWNER) {
            throw new OwnerProtected("There is exactly one owner account.");
        }
        return new Account(id, username, passwordHash, newRole, status, failedAttempts, lockedUntil, createdAt);
    }

    @Override
    public String toString() {
        // Never print the password hash.
        return "Account[id=" + id + ", username=" + username + ", role=" + role + ", status=" + status
                + ", failedAttempts=" + failedAttempts + ", lockedUntil=" + lockedUntil + "]";
    }
}

package dev.warden.domain;

import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {
    private static final WardenPolicy POLICY = WardenPolicy.DEFAULTS;
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private static Account account(Role role) {
        return anAccount("bob").withRole(role).createdAt(T0).build();
    }

    private static Account failTimes(Account account, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            account = account.recordFailedLogin(at, POLICY);
        }
        return account;
    }

    @Test
    void givenNineFailures_whenLoginSucceeds_thenCountResets() {
        Account nine = failTimes(account(Role.USER), 9, T0);
        assertEquals(9, nine.failedAttempts());
        assertFalse(nine.isLockedAt(T0));

        Account reset = nine.recordSuccessfulLogin();

        assertEquals(0, reset.failedAttempts());
        // Nine more failures still do not lock: the count really started again.
        assertFalse(failTimes(reset, 9, T0).isLockedAt(T0));
    }

    @Test
    void givenNineFailures_whenTenthFails_thenLockedFor15Minutes() {
        Account nine = failTimes(account(Role.USER), 9, T0);

        Account tenth = nine.recordFailedLogin(T0, POLICY);

        assertTrue(tenth.isLockedAt(T0));
        assertTrue(nine.becameLockedBy(tenth, T0));
        assertEquals(T0.plus(Duration.ofMinutes(15)), tenth.lockedUntil());
        assertFalse(tenth.canLogIn(T0));
    }

    @Test
    void givenLocked_whenExactly15MinutesPassed_thenUnlocked() {
        Account locked = failTimes(account(Role.USER), 10, T0);

        assertTrue(locked.isLockedAt(T0.plus(Duration.ofMinutes(15)).minusNanos(1000)));
        assertFalse(locked.isLockedAt(T0.plus(Duration.ofMinutes(15))));
        assertTrue(locked.canLogIn(T0.plus(Duration.ofMinutes(15))));
    }

    @Test
    void givenLockExpired_whenFailingAgain_thenCountStartsFromOne() {
        Account locked = failTimes(account(Role.USER), 10, T0);
        Instant after = T0.plus(Duration.ofMinutes(16));

        Account again = locked.recordFailedLogin(after, POLICY);

        assertEquals(1, again.failedAttempts());
        assertFalse(again.isLockedAt(after));
    }

    @Test
    void givenLocked_whenFailingMore_thenLockIsNotExtended() {
        Account locked = failTimes(account(Role.USER), 10, T0);

        Account more = locked.recordFailedLogin(T0.plus(Duration.ofMinutes(5)), POLICY);

        assertEquals(locked.lockedUntil(), more.lockedUntil());
    }

    @Test
    void unlockLiftsTheLockAndClearsTheCount() {
        Account unlocked = failTimes(account(Role.USER), 10, T0).unlock();

        assertFalse(unlocked.isLockedAt(T0));
        assertNull(unlocked.lockedUntil());
        assertEquals(0, unlocked.failedAttempts());
    }

    @Test
    void theOwnerCanNeitherBeDisabledNorDemoted() {
        Account owner = account(Role.OWNER);

        assertThrows(OwnerProtected.class, owner::disable);
        assertThrows(OwnerProtected.class, () -> owner.withRole(Role.ADMIN));
    }

    @Test
    void nobodyElseCanBecomeASecondOwner() {
        assertThrows(OwnerProtected.class, () -> account(Role.ADMIN).withRole(Role.OWNER));
    }

    @Test
    void otherAccountsCanBeDisabledAndThenCannotLogIn() {
        Account disabled = account(Role.ADMIN).disable();

        assertEquals(AccountStatus.DISABLED, disabled.status());
        assertFalse(disabled.canLogIn(T0));
    }

    @Test
    void aDisabledAccountEnabledAgainCanLogIn() {
        Account enabled = account(Role.USER).disable().enable();

        assertEquals(AccountStatus.ACTIVE, enabled.status());
        assertTrue(enabled.canLogIn(T0));
    }

    @Test
    void aNewPasswordReplacesTheHashClearsTheCountAndLiftsTheLock() {
        Account locked = failTimes(account(Role.USER), 10, T0);
        assertTrue(locked.isLockedAt(T0));

        Account reset = locked.withPassword("new-hash");

        assertEquals("new-hash", reset.passwordHash());
        assertEquals(0, reset.failedAttempts());
        assertTrue(reset.canLogIn(T0));
        assertEquals(AccountStatus.DISABLED, account(Role.USER).disable().withPassword("h").status(),
                "a new password does not enable a disabled account");
    }

    @Test
    void onlyOwnerAndAdminMayAdminister() {
        assertTrue(Role.OWNER.canAdminister());
        assertTrue(Role.ADMIN.canAdminister());
        assertFalse(Role.USER.canAdminister());
    }

    @Test
    void toStringNeverShowsThePasswordHash() {
        Account account = anAccount("bob").withPasswordHash("$argon2id$secret").build();
        assertFalse(account.toString().contains("argon2id"));
    }
}

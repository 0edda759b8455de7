package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KnownDeviceTest {
    private static final WardenPolicy POLICY = WardenPolicy.DEFAULTS;
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private static KnownDevice aDevice() {
        return KnownDevice.register(UserId.random(), DeviceToken.generate(new SecureRandom()).hash(), T0);
    }

    private static KnownDevice failTimes(KnownDevice device, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            device = device.recordFailedLogin(at, POLICY);
        }
        return device;
    }

    @Test
    void givenTheAccountsThreshold_whenADeviceFailsThatOften_thenItIsLockedForTheAccountsDuration() {
        KnownDevice nine = failTimes(aDevice(), 9, T0);
        assertFalse(nine.isLockedAt(T0));

        KnownDevice locked = nine.recordFailedLogin(T0, POLICY);

        assertTrue(nine.becameLockedBy(locked, T0));
        assertTrue(locked.isLockedAt(T0.plus(POLICY.lockoutDuration()).minusNanos(1000)));
        assertFalse(locked.isLockedAt(T0.plus(POLICY.lockoutDuration())), "the lock's end is exclusive");
        assertEquals(0, locked.failedAttempts(), "the count restarts with the lock");
    }

    @Test
    void failuresDuringTheLockAreNotCountedAndDoNotExtendIt() {
        KnownDevice locked = failTimes(aDevice(), 10, T0);

        KnownDevice again = locked.recordFailedLogin(T0.plus(Duration.ofMinutes(5)), POLICY);

        assertSame(locked, again);
    }

    @Test
    void aSuccessRestartsTheCountAndMarksTheDeviceUsed() {
        KnownDevice nine = failTimes(aDevice(), 9, T0);

        KnownDevice used = nine.recordSuccessfulLogin(T0.plusSeconds(60));

        assertEquals(0, used.failedAttempts());
        assertEquals(T0.plusSeconds(60), used.lastUsedAt());
        assertEquals(T0, used.firstSeenAt());
        assertFalse(failTimes(used, 9, T0).isLockedAt(T0));
    }

    @Test
    void unlockLiftsTheLockAndTheCount() {
        KnownDevice locked = failTimes(aDevice(), 10, T0);

        KnownDevice unlocked = locked.unlock();

        assertFalse(unlocked.isLockedAt(T0));
        assertEquals(0, unlocked.failedAttempts());
    }
}

package dev.warden.domain;

import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.domain.LoginGate.Refusal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginGateTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final WardenPolicy LOCK_AT_ONE = WardenPolicy.DEFAULTS.withLockout(1, Duration.ofMinutes(15));

    private final Account account = anAccount("owner").createdAt(T0).build();
    private final KnownDevice device = KnownDevice.register(account.id(),
            DeviceToken.generate(new SecureRandom()).hash(), T0);

    @Test
    void givenTheAccountIsLockedByUnknownClients_thenAKnownDeviceIsStillLetThrough() {
        Account locked = account.recordFailedLogin(T0, LOCK_AT_ONE);

        assertEquals(Refusal.Cause.ACCOUNT_LOCKED, LoginGate.refusal(locked, null, T0).orElseThrow().cause());
        assertTrue(LoginGate.refusal(locked, device, T0).isEmpty());
    }

    @Test
    void givenTheDeviceIsLocked_thenOnlyThatDeviceIsRefused() {
        KnownDevice lockedDevice = device.recordFailedLogin(T0, LOCK_AT_ONE);

        Refusal refusal = LoginGate.refusal(account, lockedDevice, T0).orElseThrow();

        assertEquals(Refusal.Cause.DEVICE_LOCKED, refusal.cause());
        assertEquals("known device locked until " + T0.plus(Duration.ofMinutes(15)), refusal.reason());
        assertTrue(LoginGate.refusal(account, null, T0).isEmpty(), "other clients answer to the account's lock only");
    }

    @Test
    void aDisabledAccountRefusesKnownDevicesToo() {
        Account disabled = account.disable();

        assertEquals(Refusal.Cause.DISABLED, LoginGate.refusal(disabled, device, T0).orElseThrow().cause());
        assertEquals(Refusal.Cause.DISABLED, LoginGate.refusal(disabled, null, T0).orElseThrow().cause());
    }

    @Test
    void aDeviceKnownForAnotherUserIsAProgrammingError() {
        Account other = anAccount("bob").createdAt(T0).build();

        assertThrows(IllegalArgumentException.class, () -> LoginGate.refusal(other, device, T0));
    }

    @Test
    void onlyAKnownDeviceThatMayTryNowSkipsTheAddressThrottle() {
        assertTrue(LoginGate.skipsAddressThrottle(account.recordFailedLogin(T0, LOCK_AT_ONE), device, T0),
                "the account's lock is the unknown clients'; its known device still skips the throttle");
        assertFalse(LoginGate.skipsAddressThrottle(account, null, T0));
        assertFalse(LoginGate.skipsAddressThrottle(account, device.recordFailedLogin(T0, LOCK_AT_ONE), T0),
                "a locked device is throttled like anyone");
        assertFalse(LoginGate.skipsAddressThrottle(account.disable(), device, T0),
                "an offboarded user's old cookie is throttled like anyone");
    }
}

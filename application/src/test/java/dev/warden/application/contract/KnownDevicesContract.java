package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aTokenHash;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.domain.Account;
import dev.warden.domain.KnownDevice;
import dev.warden.domain.TokenHash;
import dev.warden.domain.WardenPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every KnownDevices must do. */
public abstract class KnownDevicesContract extends PortContract {
    protected KnownDevices devices;
    protected UserAccounts accounts;
    protected TransactionBoundary transactions;
    protected Account alice;

    @BeforeEach
    void setUpDevices() {
        devices = ports.devices();
        accounts = ports.accounts();
        transactions = ports.transactions();
        alice = anAccount("alice").build();
        accounts.insert(alice);
    }

    @Test
    void givenASavedDevice_whenFoundOrSavedAgain_thenEveryFieldRoundTripsAndTheRowIsReplaced() {
        KnownDevice device = KnownDevice.register(alice.id(), aTokenHash(), NOW);
        devices.save(device);
        assertEquals(device, devices.find(alice.id(), device.tokenHash()).orElseThrow());

        KnownDevice locked = device.recordFailedLogin(NOW, WardenPolicy.DEFAULTS.withLockout(1, Duration.ofMinutes(15)));
        KnownDevice counted = new KnownDevice(alice.id(), device.tokenHash(), 3, locked.lockedUntil(), NOW,
                NOW.plusSeconds(5));
        devices.save(counted);

        assertEquals(counted, devices.find(alice.id(), device.tokenHash()).orElseThrow());
        assertTrue(devices.find(alice.id(), aTokenHash()).isEmpty());
    }

    @Test
    void oneTokenCanBeKnownForSeveralUsers_eachWithItsOwnCount() {
        Account bob = anAccount("bob").build();
        accounts.insert(bob);
        TokenHash browser = aTokenHash();
        devices.save(KnownDevice.register(alice.id(), browser, NOW));
        devices.save(new KnownDevice(bob.id(), browser, 4, null, NOW, NOW));

        assertEquals(0, devices.find(alice.id(), browser).orElseThrow().failedAttempts());
        assertEquals(4, devices.find(bob.id(), browser).orElseThrow().failedAttempts());
    }

    @Test
    void keepingTheMostRecentlyUsedForgetsTheRestOfThatUserOnly() {
        Account bob = anAccount("bob").build();
        accounts.insert(bob);
        List<TokenHash> hashes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TokenHash hash = aTokenHash();
            hashes.add(hash);
            devices.save(KnownDevice.register(alice.id(), hash, NOW.plusSeconds(i)));
        }
        devices.save(KnownDevice.register(bob.id(), aTokenHash(), NOW.minusSeconds(60)));
        devices.save(devices.find(alice.id(), hashes.get(0)).orElseThrow().recordSuccessfulLogin(NOW.plusSeconds(10)));

        assertEquals(2, devices.keepMostRecentlyUsed(alice.id(), 3));

        assertTrue(devices.find(alice.id(), hashes.get(0)).isPresent(), "used most recently");
        assertFalse(devices.find(alice.id(), hashes.get(1)).isPresent());
        assertFalse(devices.find(alice.id(), hashes.get(2)).isPresent());
        assertTrue(devices.find(alice.id(), hashes.get(4)).isPresent());
        assertEquals(0, devices.keepMostRecentlyUsed(bob.id(), 3));
    }

    @Test
    void unlockAllLiftsEveryLockAndCountOfTheUser() {
        WardenPolicy lockAtOne = WardenPolicy.DEFAULTS.withLockout(1, Duration.ofMinutes(15));
        KnownDevice one = KnownDevice.register(alice.id(), aTokenHash(), NOW).recordFailedLogin(NOW, lockAtOne);
        KnownDevice two = new KnownDevice(alice.id(), aTokenHash(), 7, null, NOW, NOW);
        devices.save(one);
        devices.save(two);

        transactions.run(() -> devices.unlockAll(alice.id()));

        assertEquals(one.unlock(), devices.find(alice.id(), one.tokenHash()).orElseThrow());
        assertEquals(two.unlock(), devices.find(alice.id(), two.tokenHash()).orElseThrow());
    }

    @Test
    void forgettingUnusedDevicesKeepsThoseUsedSince() {
        KnownDevice old = KnownDevice.register(alice.id(), aTokenHash(), NOW.minus(Duration.ofDays(401)));
        KnownDevice recent = KnownDevice.register(alice.id(), aTokenHash(), NOW.minus(Duration.ofDays(399)));
        devices.save(old);
        devices.save(recent);

        assertEquals(1, devices.forgetUnusedSince(NOW.minus(KnownDevice.REMEMBERED_FOR)));

        assertTrue(devices.find(alice.id(), old.tokenHash()).isEmpty());
        assertTrue(devices.find(alice.id(), recent.tokenHash()).isPresent());
    }

    @Test
    void forgettingAUsersDevicesLeavesOtherUsersAlone_andCanKeepOne() {
        Account bob = anAccount("bob").build();
        accounts.insert(bob);
        TokenHash current = aTokenHash();
        TokenHash other = aTokenHash();
        devices.save(KnownDevice.register(alice.id(), current, NOW));
        devices.save(KnownDevice.register(alice.id(), other, NOW));
        devices.save(KnownDevice.register(bob.id(), other, NOW));

        devices.forgetAllExcept(alice.id(), current);
        assertTrue(devices.find(alice.id(), current).isPresent());
        assertTrue(devices.find(alice.id(), other).isEmpty());

        devices.forgetAll(alice.id());
        assertTrue(devices.find(alice.id(), current).isEmpty());
        assertTrue(devices.find(bob.id(), other).isPresent(), "another user's device with the same browser stays");
    }
}

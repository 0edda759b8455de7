package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.aTokenHash;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.LoginRecords;
import dev.warden.application.port.out.LoginRecords.Admission;
import dev.warden.application.port.out.LoginRecords.Locked;
import dev.warden.application.port.out.LoginRecords.Sighting;
import dev.warden.application.port.out.LoginRecords.ThrottleCount;
import dev.warden.domain.Account;
import dev.warden.domain.KnownDevice;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import dev.warden.domain.WardenPolicy;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every LoginRecords must do: the reads of a login, over what the other ports store. */
public abstract class LoginRecordsContract extends PortContract {
    static final Instant WINDOW = Instant.parse("2030-03-04T12:00:00Z");
    static final ActiveWindow ACTIVE = ActiveWindow.at(NOW, WardenPolicy.DEFAULTS);

    protected LoginRecords records;
    protected Account alice;

    /** The implementation under test, over the same store as {@link #ports}. */
    protected abstract LoginRecords records();

    @BeforeEach
    void setUpRecords() {
        records = records();
        alice = anAccount("alice").build();
        ports.accounts().insert(alice);
    }

    @Test
    void anAttemptFromAnyClientButAKnownDeviceIsCounted_untilTheWindowIsFull() {
        ThrottleCount count = new ThrottleCount("203.0.113.9", WINDOW, 2);

        Sighting unknownName = records.sight("nobody", null, count);
        Sighting noDevice = records.sight("alice", null, count);
        Sighting full = records.sight("alice", aTokenHash(), count);

        assertEquals(new Sighting(Optional.empty(), Optional.empty(), Admission.COUNTED), unknownName);
        assertEquals(new Sighting(Optional.of(alice), Optional.empty(), Admission.COUNTED), noDevice);
        assertEquals(new Sighting(Optional.of(alice), Optional.empty(), Admission.FULL), full);
        assertFalse(ports.throttle().tryCount("203.0.113.9", WINDOW, 2), "the two counted stay counted");
    }

    @Test
    void aDeviceKnownForTheAccountIsReturned_andNotCounted() {
        KnownDevice device = KnownDevice.register(alice.id(), aTokenHash(), NOW);
        ports.devices().save(device);

        Sighting sighting = records.sight("alice", device.tokenHash(), new ThrottleCount("c", WINDOW, 1));

        assertEquals(new Sighting(Optional.of(alice), Optional.of(device), Admission.NOT_COUNTED), sighting);
        assertTrue(ports.throttle().tryCount("c", WINDOW, 1), "nothing was counted");
    }

    @Test
    void aDeviceKnownForAnotherUserOnlyIsNotAlicesDevice() {
        Account bob = anAccount("bob").build();
        ports.accounts().insert(bob);
        TokenHash bobs = aTokenHash();
        ports.devices().save(KnownDevice.register(bob.id(), bobs, NOW));

        Sighting sighting = records.sight("alice", bobs, new ThrottleCount("c", WINDOW, 5));

        assertEquals(new Sighting(Optional.of(alice), Optional.empty(), Admission.COUNTED), sighting);
    }

    @Test
    void underTheLock_theAccountTheDeviceAndTheActiveSessionsAreRead() {
        KnownDevice device = KnownDevice.register(alice.id(), aTokenHash(), NOW);
        ports.devices().save(device);
        ports.sessions().insert(aSession(alice).build());
        ports.sessions().insert(aSession(alice).build());

        Locked locked = ports.transactions().inTransaction(
                () -> records.lock(alice.id(), device.tokenHash(), ACTIVE).orElseThrow());
        Locked noDevice = ports.transactions().inTransaction(
                () -> records.lock(alice.id(), null, ACTIVE).orElseThrow());
        Locked forgotten = ports.transactions().inTransaction(
                () -> records.lock(alice.id(), aTokenHash(), ACTIVE).orElseThrow());

        assertEquals(new Locked(alice, device, 2), locked);
        assertEquals(new Locked(alice, null, 2), noDevice);
        assertNull(forgotten.device());
        assertTrue(ports.transactions().inTransaction(
                () -> records.lock(new UserId(java.util.UUID.randomUUID()), null, ACTIVE)).isEmpty());
    }

    @Test
    void theLockIsTakenOnlyInsideATransaction() {
        assertThrows(IllegalStateException.class, () -> records.lock(alice.id(), null, ACTIVE));
    }

    /** The session limit holds only if the count is read after the lock is had, not before it was waited for. */
    @Test
    void whatTheLockHolderWroteBeforeItsCommitIsCountedByTheNextLockTaker() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> ports.transactions().run(() -> {
            records.lock(alice.id(), null, ACTIVE);
            held.countDown();
            sleep(300);
            ports.sessions().insert(aSession(alice).build());
        }));
        assertTrue(held.await(10, TimeUnit.SECONDS));

        Locked next = ports.transactions().inTransaction(() -> records.lock(alice.id(), null, ACTIVE).orElseThrow());

        holder.get(10, TimeUnit.SECONDS);
        assertEquals(1, next.activeSessions());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

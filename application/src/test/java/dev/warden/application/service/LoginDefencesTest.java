package dev.warden.application.service;

import static dev.warden.application.fakes.UseCaseFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.accounts.UserNotFound;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.application.port.in.auth.LoginUseCase.LoginResult;
import dev.warden.application.port.in.auth.TooManyLoginAttempts;
import dev.warden.domain.Account;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.DeviceToken;
import dev.warden.domain.KnownDevice;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.Role;
import dev.warden.domain.SessionLimitReached;
import dev.warden.domain.WardenPolicy;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known devices, the per-client throttle and break-glass unlock: the lockout must not become a weapon. */
class LoginDefencesTest {
    private static final String WRONG = "wrong password!";

    private final UseCaseFixture warden = new UseCaseFixture(WardenPolicy.DEFAULTS.withMaxSessionsPerUser(100));
    private final ClientInfo ownersBrowser = new ClientInfo("198.51.100.4", "Firefox");
    private final ClientInfo attacker = new ClientInfo("203.0.113.66", "curl/8.5");

    private DeviceToken knownDeviceOf(String username) {
        return warden.login.login(username, PASSWORD, ownersBrowser).device();
    }

    private void failFrom(ClientInfo client, String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThrows(InvalidCredentials.class, () -> warden.login.login(username, WRONG, client));
        }
    }

    private static ClientInfo from(String ip) {
        return new ClientInfo(ip, "curl/8.5");
    }

    // ---- known devices -------------------------------------------------------------------------

    @Test
    void aSuccessfulLoginMakesTheBrowserAKnownDeviceStoredOnlyAsAHash() {
        Account owner = warden.givenAccount("owner", Role.OWNER);

        DeviceToken device = warden.login.login("owner", PASSWORD, ownersBrowser).device();

        assertNotNull(device);
        List<KnownDevice> known = warden.devices.of(owner.id());
        assertEquals(1, known.size());
        assertEquals(device.hash(), known.getFirst().tokenHash());
        assertFalse(known.getFirst().toString().contains(device.reveal()));
    }

    @Test
    void givenAnAttackerLockedTheAccount_whenTheOwnersKnownDeviceLogsIn_thenItGetsASession() {
        Account owner = warden.givenAccount("owner", Role.OWNER);
        DeviceToken device = knownDeviceOf("owner");
        failFrom(attacker, "owner", 10);
        assertTrue(warden.accounts.findById(owner.id()).orElseThrow().isLockedAt(warden.clock.instant()));

        LoginResult result = warden.login.login("owner", PASSWORD, ownersBrowser, device);

        assertEquals(owner.id(), result.session().userId());
        assertEquals(device, result.device(), "the browser keeps its token");
        assertEquals("known device", warden.audit.ofType(AuditType.LOGIN_SUCCEEDED).getLast().reason());
        // A client without the cookie, even with the right password and the owner's address, stays out.
        assertThrows(InvalidCredentials.class, () -> warden.login.login("owner", PASSWORD, ownersBrowser));
        assertTrue(warden.accounts.findById(owner.id()).orElseThrow().isLockedAt(warden.clock.instant()),
                "the device's success does not lift the lock the attacker caused");
    }

    @Test
    void aKnownDevicesFailuresLockOnlyThatDevice_andUnknownClientsFailuresNeverLockIt() {
        Account alice = warden.givenAccount("alice", Role.USER);
        DeviceToken device = knownDeviceOf("alice");
        DeviceToken other = warden.login.login("alice", PASSWORD, ownersBrowser,
                DeviceToken.generate(new SecureRandom())).device();
        failFrom(attacker, "alice", 25); // locks the account; the devices are untouched
        assertEquals(0, warden.devices.find(alice.id(), device.hash()).orElseThrow().failedAttempts());

        for (int i = 0; i < 10; i++) {
            assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", WRONG, ownersBrowser, device));
        }

        int hashes = warden.hasher.verifications;
        assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", PASSWORD, ownersBrowser, device));
        assertEquals(hashes + 1, warden.hasher.verifications, "a locked device still costs one (decoy) hash");
        AuditEntry refused = warden.audit.ofType(AuditType.LOGIN_REJECTED_LOCKED).getLast();
        assertTrue(refused.reason().startsWith("known device locked until"), refused.reason());
        assertTrue(warden.audit.ofType(AuditType.LOGIN_FAILED).getLast().reason().contains("the device is locked until"));
        assertEquals(1, warden.audit.ofType(AuditType.ACCOUNT_LOCKED).size(), "the device's failures did not touch the account");
        // The user's other known device is not affected.
        warden.login.login("alice", PASSWORD, ownersBrowser, other);

        warden.clock.advance(warden.policy.lockoutDuration());
        warden.login.login("alice", PASSWORD, ownersBrowser, device);
    }

    @Test
    void aDeviceFailureCountRestartsAfterARightPassword() {
        Account alice = warden.givenAccount("alice", Role.USER);
        DeviceToken device = knownDeviceOf("alice");
        for (int i = 0; i < 9; i++) {
            assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", WRONG, ownersBrowser, device));
        }

        warden.login.login("alice", PASSWORD, ownersBrowser, device);

        assertEquals(0, warden.devices.find(alice.id(), device.hash()).orElseThrow().failedAttempts());
        assertEquals(0, warden.accounts.findById(alice.id()).orElseThrow().failedAttempts());
    }

    @Test
    void aDisabledAccountRefusesItsKnownDevicesWithTheUsualAnswerAndOneHash() {
        Account carol = warden.givenAccount("carol", Role.USER);
        DeviceToken device = knownDeviceOf("carol");
        warden.accounts.update(warden.accounts.findById(carol.id()).orElseThrow().disable());
        int hashes = warden.hasher.verifications;

        InvalidCredentials refused = assertThrows(InvalidCredentials.class,
                () -> warden.login.login("carol", PASSWORD, ownersBrowser, device));

        assertEquals(assertThrows(InvalidCredentials.class,
                () -> warden.login.login("nobody", PASSWORD, ownersBrowser)).getMessage(), refused.getMessage());
        assertEquals(hashes + 2, warden.hasher.verifications);
        assertEquals(1, warden.audit.ofType(AuditType.LOGIN_REJECTED_DISABLED).size());
    }

    @Test
    void aDeviceTokenIssuedToAnotherUser_isIgnoredAndReplaced_andOpensNoLockOfThisOne() {
        warden.givenAccount("alice", Role.USER);
        Account bob = warden.givenAccount("bob", Role.USER);
        DeviceToken alices = knownDeviceOf("alice");

        DeviceToken bobs = warden.login.login("bob", PASSWORD, ownersBrowser, alices).device();
        assertNotEquals(alices, bobs, "the server mints device tokens; it never adopts one it did not issue to bob");
        assertEquals(List.of(bobs.hash()), warden.devices.of(bob.id()).stream().map(KnownDevice::tokenHash).toList());

        failFrom(attacker, "bob", 10);

        assertThrows(InvalidCredentials.class, () -> warden.login.login("bob", PASSWORD, ownersBrowser, alices),
                "alice's token opens nothing of bob's");
        assertEquals(bobs, warden.login.login("bob", PASSWORD, ownersBrowser, bobs).device());
    }

    @Test
    void theKnownDevicesOfOneUserAreBounded_theLeastRecentlyUsedIsForgotten() {
        Account alice = warden.givenAccount("alice", Role.USER);
        DeviceToken first = knownDeviceOf("alice");
        warden.clock.advance(Duration.ofSeconds(1));
        DeviceToken usedAgain = knownDeviceOf("alice");
        for (int i = 0; i < KnownDevice.MAX_PER_USER - 2; i++) {
            warden.clock.advance(Duration.ofSeconds(1));
            knownDeviceOf("alice");
        }
        assertEquals(KnownDevice.MAX_PER_USER, warden.devices.of(alice.id()).size());
        warden.clock.advance(Duration.ofSeconds(1));
        warden.login.login("alice", PASSWORD, ownersBrowser, usedAgain);

        warden.clock.advance(Duration.ofSeconds(1));
        knownDeviceOf("alice");

        assertEquals(KnownDevice.MAX_PER_USER, warden.devices.of(alice.id()).size());
        assertTrue(warden.devices.find(alice.id(), first.hash()).isEmpty(), "the least recently used went");
        assertTrue(warden.devices.find(alice.id(), usedAgain.hash()).isPresent());
    }

    @Test
    void aRefusedOrLimitedLoginDoesNotMakeTheBrowserKnown() {
        UseCaseFixture limited = new UseCaseFixture(WardenPolicy.DEFAULTS.withMaxSessionsPerUser(1));
        Account alice = limited.givenAccount("alice", Role.USER);
        DeviceToken first = limited.login.login("alice", PASSWORD, ownersBrowser).device();
        DeviceToken stranger = DeviceToken.generate(new SecureRandom());

        assertThrows(InvalidCredentials.class, () -> limited.login.login("alice", WRONG, ownersBrowser, stranger));
        assertThrows(SessionLimitReached.class, () -> limited.login.login("alice", PASSWORD, ownersBrowser, stranger));

        assertEquals(List.of(first.hash()), limited.devices.of(alice.id()).stream().map(KnownDevice::tokenHash).toList());
    }

    @Test
    void givenTheDeviceIsLockedWhileItsPasswordIsChecked_thenTheRightPasswordIsRefused() {
        Account alice = warden.givenAccount("alice", Role.USER);
        DeviceToken device = knownDeviceOf("alice");
        KnownDevice known = warden.devices.find(alice.id(), device.hash()).orElseThrow();
        warden.hasher.whileVerifying = () -> warden.devices.save(known.recordFailedLogin(warden.clock.instant(),
                warden.policy.withLockout(1, Duration.ofMinutes(15))));

        assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", PASSWORD, ownersBrowser, device));

        assertEquals(1, warden.audit.ofType(AuditType.LOGIN_REJECTED_LOCKED).size());
    }

    // ---- per-client throttle ------------------------------------------------------------------

    @Test
    void givenThirtyFailuresFromOneAddress_thenItsNextLoginIsRefusedBeforeAnyHashWithTheRestOfTheWindow() {
        warden.givenAccount("alice", Role.USER);
        warden.clock.set(Instant.parse("2026-11-26T08:01:00Z"));
        for (int i = 0; i < 30; i++) {
            String name = "user" + (i % 3 == 0 ? "" : i); // unknown users count as much as known ones
            assertThrows(InvalidCredentials.class, () -> warden.login.login(name, WRONG, attacker));
        }
        int hashes = warden.hasher.verifications;

        TooManyLoginAttempts refused = assertThrows(TooManyLoginAttempts.class,
                () -> warden.login.login("alice", PASSWORD, attacker));

        assertEquals(hashes, warden.hasher.verifications, "refused before hashing");
        assertEquals(240, refused.retryAfterSeconds());
        assertEquals(0, warden.activeSessionsOf(warden.accounts.findByUsername("alice").orElseThrow().id()));
        AuditEntry entry = warden.audit.ofType(AuditType.LOGIN_THROTTLED).getFirst();
        assertEquals("203.0.113.66", entry.ipAddress());
        assertEquals("alice", entry.username());
        assertTrue(entry.reason().contains("refused attempts in it so far: 1"), entry.reason());
    }

    @Test
    void aFloodOfRefusalsWritesAHandfulOfAuditEntriesWithTheirCount() {
        failFrom(attacker, "nobody", 30);

        for (int i = 0; i < 150; i++) {
            assertThrows(TooManyLoginAttempts.class, () -> warden.login.login("nobody", WRONG, attacker));
        }

        List<String> reasons = warden.audit.ofType(AuditType.LOGIN_THROTTLED).stream().map(AuditEntry::reason).toList();
        assertEquals(3, reasons.size(), reasons.toString());
        assertTrue(reasons.get(2).contains("refused attempts in it so far: 100"), reasons.get(2));
    }

    @Test
    void anotherAddressIsUnaffected_andTheAddressMayTryAgainOnceTheWindowEnds() {
        Account alice = warden.givenAccount("alice", Role.USER);
        failFrom(attacker, "nobody", 30);
        assertThrows(TooManyLoginAttempts.class, () -> warden.login.login("alice", PASSWORD, attacker));

        warden.login.login("alice", PASSWORD, from("203.0.113.67"));

        warden.clock.advance(warden.throttlePolicy.window());
        warden.login.login("alice", PASSWORD, attacker);
        assertEquals(2, warden.activeSessionsOf(alice.id()));
    }

    @Test
    void rightPasswordsDoNotCountTowardsTheThrottle_soABusyOfficeBehindOneAddressIsNotThrottled() {
        warden.givenAccount("alice", Role.USER);
        UseCaseFixture oneSession = new UseCaseFixture(WardenPolicy.DEFAULTS.withMaxSessionsPerUser(1));
        oneSession.givenAccount("alice", Role.USER);
        oneSession.loginFrom("alice", "192.0.2.1");

        for (int i = 0; i < 50; i++) {
            warden.login.login("alice", PASSWORD, attacker);
            assertThrows(SessionLimitReached.class, () -> oneSession.loginFrom("alice", "192.0.2.1"));
        }

        Instant window = warden.throttlePolicy.windowStart(warden.clock.instant());
        assertEquals(0, warden.throttle.counted(attacker.ipAddress(), window));
        assertEquals(0, oneSession.throttle.counted("192.0.2.1", window));
    }

    @Test
    void theRightPasswordIsGivenBackByTheLastWriteOfItsTransaction_soTheCounterIsHeldOnlyForTheCommit() {
        Account alice = warden.givenAccount("alice", Role.USER);
        int[] givenBack = {0};
        warden.throttle.whileUncounting = () -> {
            assertEquals(1, warden.transactions.open(), "given back with the login's commit (issue 22)");
            assertEquals(1, warden.activeSessionsOf(alice.id()), "after the session is written");
            givenBack[0]++;
        };

        warden.login.login("alice", PASSWORD, attacker);

        assertEquals(1, givenBack[0]);
    }

    @Test
    void whenTheLoginsTransactionRollsBack_theTicketIsStillGivenBack() {
        warden.givenAccount("alice", Role.USER);
        int[] calls = {0};
        warden.throttle.whileUncounting = () -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("the database failed the transaction's last write");
            }
        };

        assertThrows(IllegalStateException.class, () -> warden.login.login("alice", PASSWORD, attacker));

        assertEquals(2, calls[0], "once in the rolled-back transaction, once on its own");
        Instant window = warden.throttlePolicy.windowStart(warden.clock.instant());
        assertEquals(0, warden.throttle.counted(LoginThrottlePolicy.clientKey(attacker.ipAddress()), window));
    }

    @Test
    void attemptsAreCountedBeforeTheirHash_soParallelAttemptsCannotAllSlipPastTheLimit() {
        String key = LoginThrottlePolicy.clientKey(attacker.ipAddress());
        Instant window = warden.throttlePolicy.windowStart(warden.clock.instant());
        warden.hasher.whileVerifying = () -> assertEquals(1, warden.throttle.counted(key, window),
                "the attempt is counted while its password is being checked");

        assertThrows(InvalidCredentials.class, () -> warden.login.login("nobody", WRONG, attacker));
    }

    @Test
    void anAttemptThatGotNoAnswerAboutItsPassword_isGivenBack() {
        warden.givenAccount("alice", Role.USER);
        warden.hasher.whileVerifying = () -> {
            throw new IllegalStateException("the hashing queue is full");
        };

        assertThrows(IllegalStateException.class, () -> warden.login.login("alice", PASSWORD, attacker));
        assertThrows(IllegalStateException.class, () -> warden.login.login("nobody", WRONG, attacker));

        assertEquals(0, warden.throttle.counted(attacker.ipAddress(),
                warden.throttlePolicy.windowStart(warden.clock.instant())));
    }

    @Test
    void aKnownDeviceIsExemptFromTheThrottle_evenBehindTheAttackersAddress() {
        warden.givenAccount("owner", Role.OWNER);
        DeviceToken device = warden.login.login("owner", PASSWORD, attacker).device();
        failFrom(attacker, "owner", 30);
        assertThrows(TooManyLoginAttempts.class, () -> warden.login.login("owner", PASSWORD, attacker));

        warden.login.login("owner", PASSWORD, attacker, device);

        // A device token that is not known for this user is no exemption.
        DeviceToken forged = DeviceToken.generate(new SecureRandom());
        assertThrows(TooManyLoginAttempts.class, () -> warden.login.login("owner", PASSWORD, attacker, forged));
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        for (int i = 0; i < 30; i++) {
            ClientInfo hop = from("2001:db8:0:7:0:0:0:" + Integer.toHexString(i + 1));
            assertThrows(InvalidCredentials.class, () -> warden.login.login("nobody", WRONG, hop));
        }

        assertThrows(TooManyLoginAttempts.class,
                () -> warden.login.login("nobody", WRONG, from("2001:db8:0:7:0:0:0:ffff")));
        assertThrows(InvalidCredentials.class,
                () -> warden.login.login("nobody", WRONG, from("2001:db8:0:8:0:0:0:1")));
    }

    @Test
    void pruningDeletesPastWindowsAndDevicesUnusedForLongerThanTheirCookieLives() {
        Account alice = warden.givenAccount("alice", Role.USER);
        knownDeviceOf("alice");
        failFrom(attacker, "nobody", 3);
        assertEquals(0, warden.prune.pruneOnce(), "the current window and a fresh device stay");

        warden.clock.advance(warden.throttlePolicy.window());
        assertEquals(2, warden.prune.pruneOnce(), "the attacker's window and the owner's (given back) one");
        assertEquals(0, warden.throttle.windowCount());

        warden.clock.advance(KnownDevice.REMEMBERED_FOR);
        assertEquals(1, warden.prune.pruneOnce());
        assertTrue(warden.devices.of(alice.id()).isEmpty());
    }

    // ---- unlock --------------------------------------------------------------------------------

    @Test
    void unlockLiftsTheAccountsLockAndTheLocksOfItsDevices() {
        Account alice = warden.givenAccount("alice", Role.USER);
        DeviceToken device = knownDeviceOf("alice");
        failFrom(ownersBrowser, "alice", 10);
        for (int i = 0; i < 10; i++) {
            assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", WRONG, ownersBrowser, device));
        }

        warden.unlock.unlock(alice.id(), warden.admin());

        warden.login.login("alice", PASSWORD, ownersBrowser, device);
        warden.login.login("alice", PASSWORD, ownersBrowser);
    }

    @Test
    void breakGlassUnlockFromTheShellIsAuditedAsComingFromTheShell() {
        Account owner = warden.givenAccount("owner", Role.OWNER);
        failFrom(attacker, "owner", 10);

        assertEquals("owner", warden.breakGlass.unlockFromShell("OWNER", "root"));

        warden.login.login("owner", PASSWORD, ownersBrowser);
        AuditEntry entry = warden.audit.ofType(AuditType.ACCOUNT_UNLOCKED).getFirst();
        assertEquals(owner.id(), entry.userId());
        assertNull(entry.actorId());
        assertEquals("shell:root", entry.actorUsername());
        assertThrows(UserNotFound.class, () -> warden.breakGlass.unlockFromShell("nobody", "root"));
    }
}

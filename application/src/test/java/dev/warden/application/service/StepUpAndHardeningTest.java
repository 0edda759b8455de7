package dev.warden.application.service;

import static dev.warden.application.fakes.UseCaseFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Forbidden;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.application.port.in.auth.LoginUseCase.LoginResult;
import dev.warden.application.port.in.auth.ReauthenticationRequired;
import dev.warden.application.port.in.auth.TooManyLoginAttempts;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.DeviceToken;
import dev.warden.domain.KnownDevice;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.PasswordRejected;
import dev.warden.domain.Role;
import dev.warden.domain.WardenPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The attacker's review of issue 17, finding by finding, and the step-up that answers the worst of them. */
class StepUpAndHardeningTest {
    private static final String NEW_PASSWORD = "a brand new passphrase";
    private static final String WRONG = "not the password at all";
    private static final String PATHOLOGICAL = "4@8(3691!|70$5%2+{[<".repeat(6);

    private final UseCaseFixture warden = new UseCaseFixture(WardenPolicy.DEFAULTS,
            new LoginThrottlePolicy(3, Duration.ofMinutes(5)));
    private final ClientInfo browser = new ClientInfo("198.51.100.4", "Firefox");
    private final ClientInfo attacker = new ClientInfo("203.0.113.66", "curl/8.5");

    private AuthenticatedSession signedIn(LoginResult login) {
        return warden.validate.validate(login.token().reveal());
    }

    // ---- 1. no password check stalls the service: nothing costly before the current password is proven ----

    @Test
    void aWrongCurrentPassword_neverReachesTheStrengthEstimateNorAHashOfTheNewOne() {
        warden.givenAccount("alice", Role.USER);
        AuthenticatedSession alice = signedIn(warden.loginFrom("alice", "198.51.100.4"));
        int checks = warden.blocklistChecks.get();

        assertThrows(InvalidCredentials.class,
                () -> warden.changeOwnPassword.changePassword(alice, WRONG, PATHOLOGICAL, browser, null));

        assertEquals(checks, warden.blocklistChecks.get(), "the strength estimate waits for the current password");
        assertEquals(1, warden.account(alice.account().id()).failedAttempts(), "counted like a failed login");
    }

    @Test
    void aLockedAccount_isRefusedBeforeAnyStrengthWork() {
        Account alice = warden.givenAccount("alice", Role.USER);
        AuthenticatedSession session = signedIn(warden.loginFrom("alice", "198.51.100.4"));
        for (int i = 0; i < 10; i++) {
            assertThrows(InvalidCredentials.class,
                    () -> warden.changeOwnPassword.changePassword(session, WRONG, NEW_PASSWORD, browser, null));
        }
        assertTrue(warden.account(alice.id()).isLockedAt(warden.clock.instant()));
        int checks = warden.blocklistChecks.get();

        assertThrows(InvalidCredentials.class,
                () -> warden.changeOwnPassword.changePassword(session, PASSWORD, PATHOLOGICAL, browser, null));

        assertEquals(checks, warden.blocklistChecks.get());
        assertEquals(1, warden.outbox.accountEvents(AccountEvent.Type.LOCKED).size());
        assertEquals(1, warden.metrics.lockouts, "the lockout is counted in the one place it happens");
    }

    @Test
    void theCheapRulesStillAnswerFirst_andAProvenUserGetsTheStrengthVerdict() {
        warden.givenAccount("alice", Role.USER);
        AuthenticatedSession alice = signedIn(warden.loginFrom("alice", "198.51.100.4"));

        assertEquals(PasswordRejected.Rule.TOO_SHORT, assertThrows(PasswordRejected.class,
                () -> warden.changeOwnPassword.changePassword(alice, WRONG, "short", browser, null)).rule());
        assertEquals(PasswordRejected.Rule.BLOCKLISTED, assertThrows(PasswordRejected.class,
                () -> warden.changeOwnPassword.changePassword(alice, PASSWORD, "password1234", browser, null)).rule());
        assertEquals(0, warden.account(alice.account().id()).failedAttempts());
    }

    // ---- 2. a stolen owner token cannot take the owner account ----

    @Test
    void theOwnerCannotResetTheirOwnPasswordThroughTheAdminRoute_evenFresh() {
        Actor owner = warden.freshOwner();

        assertThrows(Forbidden.class, () -> warden.resetPassword.resetPassword(owner.id(), NEW_PASSWORD, owner));

        assertDoesNotThrow(() -> warden.login.login("owner", PASSWORD, browser), "the old password still works");
    }

    @Test
    void sensitiveActionsNeedAFreshPassword_reauthenticationGivesIt_forTheWindow() {
        Account bob = warden.givenAccount("bob", Role.USER);
        LoginResult ownerLogin = warden.loginFrom(warden.owner().username(), "198.51.100.4");
        AuthenticatedSession owner = signedIn(ownerLogin);
        warden.clock.advance(warden.policy.reauthWindow().plusSeconds(1));
        owner = signedIn(ownerLogin);
        Actor stale = owner.actor();

        assertThrows(ReauthenticationRequired.class,
                () -> warden.createUser.create("carol", NEW_PASSWORD, Role.ADMIN, stale));
        assertThrows(ReauthenticationRequired.class, () -> warden.changeRole.changeRole(bob.id(), Role.ADMIN, stale));
        assertTrue(warden.accounts.findByUsername("carol").isEmpty());
        assertEquals(Role.USER, warden.account(bob.id()).role());
        assertDoesNotThrow(() -> warden.createUser.create("dave", NEW_PASSWORD, Role.USER, stale),
                "managing USERs needs no step-up");

        AuthenticatedSession current = owner;
        assertThrows(InvalidCredentials.class, () -> warden.reauthenticate.reauthenticate(current, WRONG, null, browser));
        assertEquals(1, warden.account(stale.id()).failedAttempts(), "a wrong password counts like a login's");
        assertThrows(ReauthenticationRequired.class, () -> warden.changeRole.changeRole(bob.id(), Role.ADMIN, stale));

        warden.reauthenticate.reauthenticate(current, PASSWORD, null, browser);

        assertEquals(Role.ADMIN, warden.changeRole.changeRole(bob.id(), Role.ADMIN, stale).role());
        assertEquals(1, warden.audit.ofType(AuditType.REAUTHENTICATED).size());
        assertEquals(0, warden.account(stale.id()).failedAttempts(), "the right password resets the count");
        warden.clock.advance(warden.policy.reauthWindow());
        assertThrows(ReauthenticationRequired.class, () -> warden.disableUser.disable(bob.id(), stale));
    }

    @Test
    void reauthenticationCountsTowardTheLockout_andALockedAccountCannotReauthenticate() {
        warden.owner();
        AuthenticatedSession owner = signedIn(warden.loginFrom("owner", "198.51.100.4"));
        for (int i = 0; i < 10; i++) {
            assertThrows(InvalidCredentials.class, () -> warden.reauthenticate.reauthenticate(owner, WRONG, null, browser));
        }

        assertThrows(InvalidCredentials.class, () -> warden.reauthenticate.reauthenticate(owner, PASSWORD, null, browser));
        assertEquals(1, warden.outbox.accountEvents(AccountEvent.Type.LOCKED).size());
        assertTrue(warden.audit.ofType(AuditType.REAUTHENTICATED).isEmpty());
    }

    // ---- 3. and 4. device cookies ----

    @Test
    void aLockedDevice_isThrottledByItsAddressLikeAnyClient() {
        warden.givenAccount("alice", Role.USER);
        DeviceToken device = warden.login.login("alice", PASSWORD, attacker).device();
        for (int i = 0; i < 10; i++) { // locks the device; its failures do not count against the address
            assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", WRONG, attacker, device));
        }
        for (int i = 0; i < 3; i++) {
            assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", WRONG, attacker, device));
        }

        int hashes = warden.hasher.verifications;
        assertThrows(TooManyLoginAttempts.class, () -> warden.login.login("alice", WRONG, attacker, device));
        assertEquals(hashes, warden.hasher.verifications, "refused before hashing");
    }

    @Test
    void aDisabledUsersOldCookie_buysNothing_andTheDisableForgetsTheirDevices() {
        Account alice = warden.givenAccount("alice", Role.USER);
        DeviceToken device = warden.login.login("alice", PASSWORD, attacker).device();

        warden.disableUser.disable(alice.id(), warden.admin());

        assertTrue(warden.devices.of(alice.id()).isEmpty());
        for (int i = 0; i < 3; i++) {
            assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", WRONG, attacker, device));
        }
        assertThrows(TooManyLoginAttempts.class, () -> warden.login.login("alice", PASSWORD, attacker, device));
    }

    @Test
    void aResetForgetsEveryDevice_anOwnChangeKeepsOnlyTheCurrentOne() {
        Account alice = warden.givenAccount("alice", Role.USER);
        LoginResult laptop = warden.login.login("alice", PASSWORD, browser);
        warden.login.login("alice", PASSWORD, browser);
        assertEquals(2, warden.devices.of(alice.id()).size());

        warden.changeOwnPassword.changePassword(signedIn(laptop), PASSWORD, NEW_PASSWORD, browser, laptop.device());
        assertEquals(java.util.List.of(laptop.device().hash()),
                warden.devices.of(alice.id()).stream().map(KnownDevice::tokenHash).toList());

        warden.resetPassword.resetPassword(alice.id(), PASSWORD, warden.admin());
        assertTrue(warden.devices.of(alice.id()).isEmpty());
    }

    @Test
    void aPlantedDeviceValue_isReplacedByOneTheServerMints() {
        warden.givenAccount("alice", Role.USER);
        DeviceToken planted = DeviceToken.generate(new java.security.SecureRandom());

        DeviceToken issued = warden.login.login("alice", PASSWORD, browser, planted).device();

        assertTrue(!issued.equals(planted), "a value the server never issued to alice is not adopted");
        assertTrue(warden.devices.of(warden.accounts.findByUsername("alice").orElseThrow().id()).stream()
                .noneMatch(d -> d.tokenHash().equals(planted.hash())));
    }

    // ---- 5. only the owner unlocks an ADMIN or the owner ----

    @Test
    void anAdminCannotUnlockTheOwnerOrAnotherAdmin_theOwnerCan() {
        Account owner = warden.accounts.findById(warden.owner().id()).orElseThrow();
        Account bob = warden.givenAccount("bob", Role.ADMIN);
        Account carol = warden.givenAccount("carol", Role.USER);
        int address = 0;
        for (String name : new String[] {"owner", "bob", "carol"}) {
            for (int i = 0; i < 10; i++) { // one address each: the throttle allows 3
                ClientInfo from = new ClientInfo("192.0.2." + ++address, "x");
                assertThrows(InvalidCredentials.class, () -> warden.login.login(name, WRONG, from));
            }
        }

        assertThrows(Forbidden.class, () -> warden.unlock.unlock(owner.id(), warden.admin()));
        assertThrows(Forbidden.class, () -> warden.unlock.unlock(bob.id(), warden.admin()));
        assertTrue(warden.account(owner.id()).isLockedAt(warden.clock.instant()), "the owner stays locked");
        warden.unlock.unlock(carol.id(), warden.admin());
        warden.unlock.unlock(bob.id(), warden.owner());

        assertTrue(!warden.account(bob.id()).isLockedAt(warden.clock.instant()));
        assertTrue(!warden.account(carol.id()).isLockedAt(warden.clock.instant()));
    }
}

package dev.warden.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Forbidden;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.accounts.UserNotFound;
import dev.warden.application.port.in.accounts.UserSummary;
import dev.warden.application.port.in.accounts.UsernameTaken;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.domain.Account;
import dev.warden.domain.AuditType;
import dev.warden.domain.PasswordRejected;
import dev.warden.domain.Role;
import dev.warden.domain.UserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountServicesTest {
    private final UseCaseFixture warden = new UseCaseFixture();

    @Test
    void anAdministratorCreatesAUserWhoCanThenLogIn() {
        UserSummary created = warden.createUser.create("dave", "a fine long passphrase", Role.USER, warden.admin());

        assertEquals("dave", created.username());
        warden.login.login("dave", "a fine long passphrase", new dev.warden.domain.ClientInfo("192.0.2.1", "ua"));
        assertEquals(1, warden.audit.ofType(AuditType.USER_CREATED).size());
        Account stored = warden.accounts.findById(created.id()).orElseThrow();
        assertNotEquals("a fine long passphrase", stored.passwordHash());
    }

    @Test
    void passwordRulesAreEnforcedOnCreation() {
        Actor admin = warden.admin();
        assertEquals(PasswordRejected.Rule.TOO_SHORT, assertThrows(PasswordRejected.class,
                () -> warden.createUser.create("dave", "elevenchars", Role.USER, admin)).rule());
        assertEquals(PasswordRejected.Rule.CONTAINS_USERNAME, assertThrows(PasswordRejected.class,
                () -> warden.createUser.create("dave", "i am dave the great", Role.USER, admin)).rule());
        assertEquals(PasswordRejected.Rule.BLOCKLISTED, assertThrows(PasswordRejected.class,
                () -> warden.createUser.create("dave", "password1234", Role.USER, admin)).rule());
        assertTrue(warden.accounts.findByUsername("dave").isEmpty(), "a refused user is not stored");
    }

    @Test
    void usernamesAreUniqueWithoutCase() {
        warden.createUser.create("dave", "a fine long passphrase", Role.USER, warden.admin());
        assertThrows(UsernameTaken.class,
                () -> warden.createUser.create("DAVE", "another long passphrase", Role.USER, warden.admin()));
    }

    @Test
    void noSecondOwnerAndNoMalformedUsername() {
        assertThrows(InvalidRequest.class,
                () -> warden.createUser.create("eve", "a fine long passphrase", Role.OWNER, warden.admin()));
        assertThrows(InvalidRequest.class,
                () -> warden.createUser.create("has space", "a fine long passphrase", Role.USER, warden.admin()));
        assertThrows(InvalidRequest.class,
                () -> warden.createUser.create("x".repeat(65), "a fine long passphrase", Role.USER, warden.admin()));
    }

    @Test
    void aUserRoleMayNotCreateUsers() {
        Account bob = warden.givenAccount("bob", Role.USER);
        assertThrows(Forbidden.class, () -> warden.createUser.create("dave", "a fine long passphrase", Role.USER,
                new Actor(bob.id(), bob.username(), bob.role(), null)));
    }

    @Test
    void theOwnerIsCreatedOnceOnly() {
        assertTrue(warden.ensureOwner.ensureOwner("owner", "a strong first passphrase"));
        assertFalse(warden.ensureOwner.ensureOwner("owner", "a strong first passphrase"));
        assertFalse(warden.ensureOwner.ensureOwner("other", "another passphrase"));
        assertFalse(warden.ensureOwner.ensureOwner("owner", null), "an existing owner needs no password");
        assertEquals(Role.OWNER, warden.accounts.findByUsername("owner").orElseThrow().role());
        assertTrue(warden.accounts.findByUsername("other").isEmpty());
    }

    @Test
    void withoutAnOwnerAPasswordIsRequired() {
        assertThrows(InvalidRequest.class, () -> warden.ensureOwner.ensureOwner("owner", null));
        assertFalse(warden.accounts.ownerExists());
    }

    @Test
    void unlockLetsALockedUserInBeforeTheLockEnds() {
        Account alice = warden.givenAccount("alice", Role.USER);
        for (int i = 0; i < 10; i++) {
            assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", "wrong password!",
                    new dev.warden.domain.ClientInfo("192.0.2.1", "ua")));
        }

        warden.unlock.unlock(alice.id(), warden.admin());

        warden.loginFrom("alice", "192.0.2.1");
        assertEquals(1, warden.audit.ofType(AuditType.ACCOUNT_UNLOCKED).size());
        assertThrows(UserNotFound.class, () -> warden.unlock.unlock(UserId.random(), warden.admin()));
    }

    @Test
    void theUserListShowsActiveSessionsDistinctIpsAndLocks() {
        Account alice = warden.givenAccount("alice", Role.USER);
        warden.loginFrom("alice", "192.0.2.1");
        warden.loginFrom("alice", "192.0.2.1");
        warden.loginFrom("alice", "192.0.2.2");
        Account bob = warden.givenAccount("bob", Role.USER);
        for (int i = 0; i < 10; i++) {
            assertThrows(InvalidCredentials.class, () -> warden.login.login("bob", "wrong password!",
                    new dev.warden.domain.ClientInfo("192.0.2.1", "ua")));
        }

        var page = warden.listUsers.list(new dev.warden.application.port.in.accounts.UserQuery(
                dev.warden.application.port.in.PageRequest.FIRST, null), warden.admin());

        UserSummary aliceRow = page.items().stream().filter(u -> u.id().equals(alice.id())).findFirst().orElseThrow();
        assertEquals(3, aliceRow.activeSessions());
        assertEquals(2, aliceRow.distinctIps());
        UserSummary bobRow = page.items().stream().filter(u -> u.id().equals(bob.id())).findFirst().orElseThrow();
        assertEquals(warden.clock.instant().plus(Duration.ofMinutes(15)), bobRow.lockedUntil());
    }
}

package dev.warden.application.service;

import static dev.warden.application.fakes.UseCaseFixture.PASSWORD;
import static dev.warden.application.fakes.UseCaseFixture.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Forbidden;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.accounts.UserNotFound;
import dev.warden.application.port.in.accounts.UserSummary;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.application.port.in.auth.LoginUseCase.LoginResult;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.AccountStatus;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.OwnerProtected;
import dev.warden.domain.PasswordRejected;
import dev.warden.domain.Role;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.UserId;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Disable and enable, role changes and password resets: who may, and what each one changes. */
class AccountManagementServicesTest {
    private static final String NEW_PASSWORD = "a brand new passphrase";
    private final UseCaseFixture warden = new UseCaseFixture();
    private final ClientInfo client = new ClientInfo("192.0.2.1", "ua");

    private List<LoginResult> loginsOf(String username, int count) {
        return IntStream.range(0, count).mapToObj(i -> warden.loginFrom(username, "192.0.2." + (i + 1))).toList();
    }

    private void assertAllEnded(List<LoginResult> logins, TerminationReason reason) {
        for (LoginResult login : logins) {
            assertThrows(Unauthenticated.class, () -> warden.validate.validate(login.token().reveal()));
            assertEquals(reason, warden.sessions.row(login.session().id()).endReason());
        }
    }

    // ---- disable and enable ----

    @Test
    void disablingEndsEverySessionWithReasonAuditAndEventsAndRefusesLogins() {
        Account alice = warden.givenAccount("alice", Role.USER);
        List<LoginResult> logins = loginsOf("alice", 3);
        Actor admin = warden.admin();
        int transactionsBefore = warden.transactions.started();

        int terminated = warden.disableUser.disable(alice.id(), admin);

        assertEquals(1, warden.transactions.started() - transactionsBefore, "disable is one transaction");
        assertEquals(3, terminated);
        assertAllEnded(logins, TerminationReason.ACCOUNT_DISABLED);
        assertEquals(AccountStatus.DISABLED, warden.account(alice.id()).status());
        assertThrows(InvalidCredentials.class, () -> warden.loginFrom("alice", "192.0.2.1"));
        AuditEntry disabled = warden.audit.ofType(AuditType.USER_DISABLED).getFirst();
        assertEquals(alice.id(), disabled.userId());
        assertEquals("admin", disabled.actorUsername());
        assertEquals(3, warden.audit.entries().stream()
                .filter(e -> e.type() == AuditType.SESSION_TERMINATED && "ACCOUNT_DISABLED".equals(e.reason())).count());
        assertEquals(3, warden.outbox.events().stream()
                .filter(e -> e.type() == SessionEvent.Type.TERMINATED && e.reason() == TerminationReason.ACCOUNT_DISABLED
                        && admin.id().equals(e.actorId())).count());
        AccountEvent event = warden.outbox.accountEvents(AccountEvent.Type.DISABLED).getFirst();
        assertEquals(alice.id(), event.userId());
        assertEquals(admin.id(), event.actorId());
    }

    @Test
    void enablingLetsTheUserLogInAgainButEndedSessionsStayEnded() {
        Account alice = warden.givenAccount("alice", Role.USER);
        LoginResult before = warden.loginFrom("alice", "192.0.2.1");
        warden.disableUser.disable(alice.id(), warden.admin());

        warden.enableUser.enable(alice.id(), warden.admin());

        assertEquals(AccountStatus.ACTIVE, warden.account(alice.id()).status());
        assertThrows(Unauthenticated.class, () -> warden.validate.validate(before.token().reveal()));
        warden.validate.validate(warden.loginFrom("alice", "192.0.2.1").token().reveal());
        assertEquals(1, warden.audit.ofType(AuditType.USER_ENABLED).size());
        assertEquals(1, warden.outbox.accountEvents(AccountEvent.Type.ENABLED).size());
    }

    @Test
    void disablingTwiceOrEnablingAnActiveAccountChangesAndRecordsNothing() {
        Account alice = warden.givenAccount("alice", Role.USER);
        warden.enableUser.enable(alice.id(), warden.admin());
        warden.disableUser.disable(alice.id(), warden.admin());

        assertEquals(0, warden.disableUser.disable(alice.id(), warden.admin()));

        assertEquals(1, warden.audit.ofType(AuditType.USER_DISABLED).size());
        assertEquals(0, warden.audit.ofType(AuditType.USER_ENABLED).size());
        assertEquals(List.of(AccountEvent.Type.CREATED, AccountEvent.Type.DISABLED).size(),
                warden.outbox.accountEvents().size() + 1, "only the disable is announced (alice was stored directly)");
    }

    @Test
    void aSessionThatExpiredIsEndedByTheDisableWithItsExpiryReasonAndNotCounted() {
        Account alice = warden.givenAccount("alice", Role.USER);
        LoginResult stale = warden.loginFrom("alice", "192.0.2.1");
        warden.clock.advance(Duration.ofMinutes(61));
        LoginResult fresh = warden.loginFrom("alice", "192.0.2.2");

        assertEquals(1, warden.disableUser.disable(alice.id(), warden.admin()));

        assertEquals(TerminationReason.IDLE_TIMEOUT, warden.sessions.row(stale.session().id()).endReason());
        assertEquals(TerminationReason.ACCOUNT_DISABLED, warden.sessions.row(fresh.session().id()).endReason());
    }

    @Test
    void theOwnerCannotBeDisabledByAnyone() {
        Actor owner = warden.owner();

        assertThrows(OwnerProtected.class, () -> warden.disableUser.disable(owner.id(), owner));
        assertThrows(OwnerProtected.class, () -> warden.disableUser.disable(owner.id(), warden.admin()));
        assertEquals(AccountStatus.ACTIVE, warden.account(owner.id()).status());
        warden.enableUser.enable(owner.id(), warden.admin()); // the owner is always active: nothing to do
    }

    @Test
    void onlyTheOwnerDisablesOrEnablesAnAdmin() {
        Account bob = warden.givenAccount("bob", Role.ADMIN);
        Actor admin = warden.admin();

        assertThrows(Forbidden.class, () -> warden.disableUser.disable(bob.id(), admin));
        assertThrows(Forbidden.class, () -> warden.disableUser.disable(admin.id(), admin), "not even oneself");
        assertEquals(AccountStatus.ACTIVE, warden.account(bob.id()).status());

        warden.disableUser.disable(bob.id(), warden.freshOwner());
        assertThrows(Forbidden.class, () -> warden.enableUser.enable(bob.id(), admin));
        warden.enableUser.enable(bob.id(), warden.freshOwner());
        assertEquals(AccountStatus.ACTIVE, warden.account(bob.id()).status());
    }

    @Test
    void aUserRoleManagesNobodyAndUnknownAccountsAreNotFound() {
        Account alice = warden.givenAccount("alice", Role.USER);
        Account carol = warden.givenAccount("carol", Role.USER);
        Actor user = actor(alice);

        assertThrows(Forbidden.class, () -> warden.disableUser.disable(carol.id(), user));
        assertThrows(Forbidden.class, () -> warden.enableUser.enable(carol.id(), user));
        assertThrows(Forbidden.class, () -> warden.changeRole.changeRole(carol.id(), Role.ADMIN, user));
        assertThrows(Forbidden.class, () -> warden.resetPassword.resetPassword(carol.id(), NEW_PASSWORD, user));
        UserId nobody = UserId.random();
        assertThrows(UserNotFound.class, () -> warden.disableUser.disable(nobody, warden.admin()));
        assertThrows(UserNotFound.class, () -> warden.enableUser.enable(nobody, warden.admin()));
        assertThrows(UserNotFound.class, () -> warden.changeRole.changeRole(nobody, Role.USER, warden.admin()));
        assertThrows(UserNotFound.class, () -> warden.resetPassword.resetPassword(nobody, NEW_PASSWORD, warden.admin()));
    }

    // ---- roles ----

    @Test
    void theOwnerPromotesAUserAndTheSameSessionHasTheNewRoleOnItsNextRequest() {
        Account alice = warden.givenAccount("alice", Role.USER);
        LoginResult login = warden.loginFrom("alice", "192.0.2.1");
        assertEquals(Role.USER, warden.validate.validate(login.token().reveal()).actor().role());

        UserSummary row = warden.changeRole.changeRole(alice.id(), Role.ADMIN, warden.freshOwner());

        assertEquals(Role.ADMIN, row.role());
        assertEquals(1, row.activeSessions());
        assertEquals(1, row.distinctIps());
        AuthenticatedSession next = warden.validate.validate(login.token().reveal());
        assertEquals(Role.ADMIN, next.actor().role(), "sessions stay and the role holds at once");
        AuditEntry audited = warden.audit.ofType(AuditType.ROLE_CHANGED).getFirst();
        assertEquals("USER -> ADMIN", audited.reason());
        assertEquals("owner", audited.actorUsername());
        AccountEvent event = warden.outbox.accountEvents(AccountEvent.Type.ROLE_CHANGED).getFirst();
        assertEquals(Role.ADMIN, event.role());

        warden.changeRole.changeRole(alice.id(), Role.USER, warden.freshOwner());
        assertEquals(Role.USER, warden.validate.validate(login.token().reveal()).actor().role());
    }

    @Test
    void anAdminCanNeitherMakeNorUnmakeAdmins() {
        Account alice = warden.givenAccount("alice", Role.USER);
        Account bob = warden.givenAccount("bob", Role.ADMIN);
        Actor admin = warden.admin();

        assertThrows(Forbidden.class, () -> warden.changeRole.changeRole(alice.id(), Role.ADMIN, admin));
        assertThrows(Forbidden.class, () -> warden.changeRole.changeRole(bob.id(), Role.USER, admin));
        assertEquals(Role.USER, warden.account(alice.id()).role());
        assertEquals(Role.ADMIN, warden.account(bob.id()).role());
        assertEquals(Role.USER, warden.changeRole.changeRole(alice.id(), Role.USER, admin).role(),
                "a USER staying a USER is an ADMIN's business, and changes nothing");
        assertTrue(warden.audit.ofType(AuditType.ROLE_CHANGED).isEmpty());
    }

    @Test
    void theOwnerCannotBeDemotedAndNobodyBecomesASecondOwner() {
        Actor owner = warden.owner();
        Account alice = warden.givenAccount("alice", Role.USER);

        assertThrows(OwnerProtected.class, () -> warden.changeRole.changeRole(owner.id(), Role.ADMIN, owner));
        assertThrows(OwnerProtected.class, () -> warden.changeRole.changeRole(owner.id(), Role.USER, warden.admin()));
        assertThrows(InvalidRequest.class, () -> warden.changeRole.changeRole(alice.id(), Role.OWNER, owner));
        assertThrows(InvalidRequest.class, () -> warden.changeRole.changeRole(alice.id(), null, owner));
        assertEquals(Role.OWNER, warden.account(owner.id()).role());
    }

    @Test
    void onlyTheOwnerCreatesAdmins() {
        assertThrows(Forbidden.class, () -> warden.createUser.create("carol", NEW_PASSWORD, Role.ADMIN, warden.admin()));
        assertTrue(warden.accounts.findByUsername("carol").isEmpty());

        UserSummary carol = warden.createUser.create("carol", NEW_PASSWORD, Role.ADMIN, warden.freshOwner());

        AccountEvent created = warden.outbox.accountEvents(AccountEvent.Type.CREATED).getFirst();
        assertEquals(carol.id(), created.userId());
        assertEquals(Role.ADMIN, created.role());
        assertEquals(warden.owner().id(), created.actorId());
    }

    @Test
    void theFirstOwnerIsAnnouncedWithoutAnActor() {
        warden.ensureOwner.ensureOwner("root", "a strong first passphrase");

        AccountEvent created = warden.outbox.accountEvents(AccountEvent.Type.CREATED).getFirst();
        assertEquals(Role.OWNER, created.role());
        assertNull(created.actorId());
    }

    // ---- password reset ----

    @Test
    void aResetEndsEverySessionLiftsTheLockAndOnlyTheNewPasswordLogsIn() {
        Account alice = warden.givenAccount("alice", Role.USER);
        List<LoginResult> logins = loginsOf("alice", 2);
        for (int i = 0; i < 10; i++) {
            assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", "a wrong guess!", client));
        }
        assertTrue(warden.account(alice.id()).isLockedAt(warden.clock.instant()));
        Actor admin = warden.admin();

        int terminated = warden.resetPassword.resetPassword(alice.id(), NEW_PASSWORD, admin);

        assertEquals(2, terminated);
        assertAllEnded(logins, TerminationReason.PASSWORD_RESET);
        assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", PASSWORD, client));
        warden.login.login("alice", NEW_PASSWORD, client);
        assertEquals(1, warden.audit.ofType(AuditType.PASSWORD_RESET).size());
        assertEquals("admin", warden.audit.ofType(AuditType.ACCOUNT_UNLOCKED).getFirst().actorUsername());
        AccountEvent changed = warden.outbox.accountEvents(AccountEvent.Type.PASSWORD_CHANGED).getFirst();
        assertEquals(admin.id(), changed.actorId());
        assertEquals(1, warden.outbox.accountEvents(AccountEvent.Type.LOCKED).size());
        assertEquals(1, warden.outbox.accountEvents(AccountEvent.Type.UNLOCKED).size());
        assertFalse(warden.account(alice.id()).passwordHash().contains(PASSWORD));
    }

    @Test
    void aResetPasswordMeetsThePolicyOrNothingChanges() {
        Account alice = warden.givenAccount("alice", Role.USER);
        LoginResult login = warden.loginFrom("alice", "192.0.2.1");

        assertEquals(PasswordRejected.Rule.TOO_SHORT, assertThrows(PasswordRejected.class,
                () -> warden.resetPassword.resetPassword(alice.id(), "short", warden.admin())).rule());
        assertEquals(PasswordRejected.Rule.CONTAINS_USERNAME, assertThrows(PasswordRejected.class,
                () -> warden.resetPassword.resetPassword(alice.id(), "alice in wonderland", warden.admin())).rule());
        assertEquals(PasswordRejected.Rule.BLOCKLISTED, assertThrows(PasswordRejected.class,
                () -> warden.resetPassword.resetPassword(alice.id(), "password1234", warden.admin())).rule());

        warden.validate.validate(login.token().reveal());
        warden.loginFrom("alice", "192.0.2.2");
    }

    @Test
    void nobodyResetsTheOwnersPasswordHere_andOnlyTheOwnerResetsAdmins() {
        Account bob = warden.givenAccount("bob", Role.ADMIN);
        Actor owner = warden.owner();

        assertThrows(OwnerProtected.class, () -> warden.resetPassword.resetPassword(owner.id(), NEW_PASSWORD,
                warden.admin()));
        assertThrows(Forbidden.class, () -> warden.resetPassword.resetPassword(bob.id(), NEW_PASSWORD, warden.admin()));
        assertEquals(0, warden.hasher.verifications, "a refused reset spends no hash");

        Actor freshOwner = warden.freshOwner();
        warden.resetPassword.resetPassword(bob.id(), NEW_PASSWORD, freshOwner);
        assertThrows(Forbidden.class, () -> warden.resetPassword.resetPassword(owner.id(), NEW_PASSWORD, freshOwner),
                "not even the owner resets their own password here: a stolen owner token must not take the account");
        warden.login.login("owner", PASSWORD, client);
    }
}

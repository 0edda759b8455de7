package dev.warden.application.service;

import static dev.warden.application.fakes.UseCaseFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.application.port.in.auth.LoginUseCase.LoginResult;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.SessionNotFound;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.PasswordRejected;
import dev.warden.domain.Role;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every user's own sessions and own password. */
class SelfServiceTest {
    private static final String NEW_PASSWORD = "a brand new passphrase";
    private final UseCaseFixture warden = new UseCaseFixture();
    private final ClientInfo client = new ClientInfo("192.0.2.50", "ua");

    private AuthenticatedSession as(LoginResult login) {
        return warden.validate.validate(login.token().reveal());
    }

    @Test
    void aUserSeesTheirOwnActiveSessionsOnly() {
        warden.givenAccount("alice", Role.USER);
        warden.givenAccount("bob", Role.USER);
        LoginResult one = warden.loginFrom("alice", "192.0.2.1");
        LoginResult two = warden.loginFrom("alice", "192.0.2.2");
        warden.loginFrom("bob", "192.0.2.3");
        LoginResult ended = warden.loginFrom("alice", "192.0.2.4");
        warden.logout.logout(as(ended), client);

        List<Session> mine = warden.listOwnSessions.listOwn(as(one));

        assertEquals(java.util.Set.of(one.session().id(), two.session().id()),
                mine.stream().map(Session::id).collect(java.util.stream.Collectors.toSet()));
        assertEquals(2, mine.size());
    }

    @Test
    void endingAnotherOwnSessionIsALogoutOfThatDeviceAndTheCurrentOneStays() {
        warden.givenAccount("alice", Role.USER);
        LoginResult laptop = warden.loginFrom("alice", "192.0.2.1");
        LoginResult phone = warden.loginFrom("alice", "192.0.2.2");

        warden.endOwnSession.endOwn(phone.session().id(), as(laptop), client);

        assertThrows(Unauthenticated.class, () -> as(phone));
        as(laptop);
        assertEquals(TerminationReason.USER_LOGOUT, warden.sessions.row(phone.session().id()).endReason());
        AuditEntry logout = warden.audit.ofType(AuditType.LOGOUT).getFirst();
        assertEquals(phone.session().id(), logout.sessionId());
        assertEquals("192.0.2.50", logout.ipAddress(), "the request that ended it");
    }

    @Test
    void endingTheCurrentSessionLogsOut() {
        warden.givenAccount("alice", Role.USER);
        LoginResult laptop = warden.loginFrom("alice", "192.0.2.1");

        warden.endOwnSession.endOwn(laptop.session().id(), as(laptop), client);

        assertThrows(Unauthenticated.class, () -> as(laptop));
    }

    @Test
    void someoneElsesUnknownEndedOrExpiredSessionIsNotFound() {
        warden.givenAccount("alice", Role.USER);
        warden.givenAccount("bob", Role.USER);
        LoginResult alice = warden.loginFrom("alice", "192.0.2.1");
        LoginResult bobs = warden.loginFrom("bob", "192.0.2.2");
        LoginResult ended = warden.loginFrom("alice", "192.0.2.3");
        warden.endOwnSession.endOwn(ended.session().id(), as(alice), client);

        assertThrows(SessionNotFound.class, () -> warden.endOwnSession.endOwn(bobs.session().id(), as(alice), client));
        assertThrows(SessionNotFound.class, () -> warden.endOwnSession.endOwn(SessionId.random(), as(alice), client));
        assertThrows(SessionNotFound.class, () -> warden.endOwnSession.endOwn(ended.session().id(), as(alice), client));
        as(bobs);

        LoginResult idle = warden.loginFrom("alice", "192.0.2.4");
        warden.clock.advance(Duration.ofMinutes(50));
        AuthenticatedSession fresh = as(alice);
        warden.clock.advance(Duration.ofMinutes(11));
        assertThrows(SessionNotFound.class, () -> warden.endOwnSession.endOwn(idle.session().id(), fresh, client));
    }

    @Test
    void loggingOutOtherDevicesEndsEveryOtherOwnSessionAndNoOneElses() {
        warden.givenAccount("alice", Role.USER);
        warden.givenAccount("bob", Role.USER);
        LoginResult laptop = warden.loginFrom("alice", "192.0.2.1");
        LoginResult phone = warden.loginFrom("alice", "192.0.2.2");
        LoginResult tablet = warden.loginFrom("alice", "192.0.2.3");
        LoginResult bobs = warden.loginFrom("bob", "192.0.2.4");

        assertEquals(2, warden.endOtherOwnSessions.endOthers(as(laptop), client));

        assertThrows(Unauthenticated.class, () -> as(phone));
        assertThrows(Unauthenticated.class, () -> as(tablet));
        as(laptop);
        as(bobs);
        assertEquals(0, warden.endOtherOwnSessions.endOthers(as(laptop), client));
    }

    @Test
    void changingTheOwnPasswordEndsTheOtherSessionsKeepsThisOneAndOnlyTheNewPasswordLogsIn() {
        Account alice = warden.givenAccount("alice", Role.USER);
        LoginResult laptop = warden.loginFrom("alice", "192.0.2.1");
        LoginResult phone = warden.loginFrom("alice", "192.0.2.2");

        warden.changeOwnPassword.changePassword(as(laptop), PASSWORD, NEW_PASSWORD, client, null);

        as(laptop);
        assertThrows(Unauthenticated.class, () -> as(phone));
        assertEquals(TerminationReason.PASSWORD_CHANGED, warden.sessions.row(phone.session().id()).endReason());
        assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", PASSWORD, client));
        warden.login.login("alice", NEW_PASSWORD, client);
        AuditEntry changed = warden.audit.ofType(AuditType.PASSWORD_CHANGED).getFirst();
        assertEquals(alice.id(), changed.actorId());
        assertEquals(laptop.session().id(), changed.sessionId());
        AccountEvent event = warden.outbox.accountEvents(AccountEvent.Type.PASSWORD_CHANGED).getFirst();
        assertEquals(alice.id(), event.actorId());
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndCountsTowardTheLockoutLikeAFailedLogin() {
        Account alice = warden.givenAccount("alice", Role.USER);
        LoginResult laptop = warden.loginFrom("alice", "192.0.2.1");
        for (int i = 0; i < 9; i++) {
            assertThrows(InvalidCredentials.class,
                    () -> warden.changeOwnPassword.changePassword(as(laptop), "not my password", NEW_PASSWORD, client, null));
        }
        assertEquals(9, warden.account(alice.id()).failedAttempts());
        assertEquals(9, warden.audit.ofType(AuditType.LOGIN_FAILED).size());

        assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", "a tenth guess!", client));

        assertTrue(warden.account(alice.id()).isLockedAt(warden.clock.instant()));
        assertEquals(1, warden.outbox.accountEvents(AccountEvent.Type.LOCKED).size());
        int hashes = warden.hasher.verifications;
        assertThrows(InvalidCredentials.class,
                () -> warden.changeOwnPassword.changePassword(as(laptop), PASSWORD, NEW_PASSWORD, client, null),
                "while locked even the right password is refused");
        assertEquals(hashes + 1, warden.hasher.verifications, "one decoy hash");
        assertEquals(1, warden.audit.ofType(AuditType.LOGIN_REJECTED_LOCKED).size());
        warden.clock.advance(Duration.ofMinutes(15));
        assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", NEW_PASSWORD, client));
    }

    @Test
    void theTenthWrongCurrentPasswordLocksAndIsAnnounced() {
        Account alice = warden.givenAccount("alice", Role.USER);
        LoginResult laptop = warden.loginFrom("alice", "192.0.2.1");
        for (int i = 0; i < 10; i++) {
            assertThrows(InvalidCredentials.class,
                    () -> warden.changeOwnPassword.changePassword(as(laptop), "not my password", NEW_PASSWORD, client, null));
        }

        assertTrue(warden.account(alice.id()).isLockedAt(warden.clock.instant()));
        assertEquals(1, warden.audit.ofType(AuditType.ACCOUNT_LOCKED).size());
        AccountEvent locked = warden.outbox.accountEvents(AccountEvent.Type.LOCKED).getFirst();
        assertEquals(alice.id(), locked.userId());
        assertEquals(null, locked.actorId());
    }

    @Test
    void aNewPasswordBreakingThePolicyIsRefusedBeforeAnyHashAndCountsNothing() {
        Account alice = warden.givenAccount("alice", Role.USER);
        LoginResult laptop = warden.loginFrom("alice", "192.0.2.1");
        AuthenticatedSession current = as(laptop);
        int hashes = warden.hasher.verifications;

        assertEquals(PasswordRejected.Rule.TOO_SHORT, assertThrows(PasswordRejected.class,
                () -> warden.changeOwnPassword.changePassword(current, "wrong!", "short", client, null)).rule());
        assertEquals(PasswordRejected.Rule.CONTAINS_USERNAME, assertThrows(PasswordRejected.class,
                () -> warden.changeOwnPassword.changePassword(current, PASSWORD, "alice is my name", client, null)).rule());

        assertEquals(hashes, warden.hasher.verifications);
        assertEquals(0, warden.account(alice.id()).failedAttempts());
    }

    @Test
    void thePasswordIsCheckedAndHashedOutsideAnyTransaction() {
        warden.givenAccount("alice", Role.USER);
        LoginResult laptop = warden.loginFrom("alice", "192.0.2.1");
        int[] openDuringHash = {-1};
        warden.hasher.whileVerifying = () -> openDuringHash[0] = warden.transactions.open();

        warden.changeOwnPassword.changePassword(as(laptop), PASSWORD, NEW_PASSWORD, client, null);

        assertEquals(0, openDuringHash[0]);
    }

    @Test
    void givenAResetWhileTheCurrentPasswordIsChecked_thenTheChangeIsRefusedAndNoFailureCounted() {
        Account alice = warden.givenAccount("alice", Role.USER);
        LoginResult laptop = warden.loginFrom("alice", "192.0.2.1");
        AuthenticatedSession current = as(laptop);
        warden.hasher.whileVerifying = () -> warden.accounts.update(
                warden.account(alice.id()).withPassword(warden.hasher.hash("set by an admin 123")));

        assertThrows(InvalidCredentials.class,
                () -> warden.changeOwnPassword.changePassword(current, PASSWORD, NEW_PASSWORD, client, null));

        assertEquals(0, warden.account(alice.id()).failedAttempts());
        warden.hasher.whileVerifying = () -> { };
        warden.login.login("alice", "set by an admin 123", client);
    }

    @Test
    void givenTheCurrentSessionEndedMeanwhile_thenNothingChanges() {
        warden.givenAccount("alice", Role.USER);
        LoginResult laptop = warden.loginFrom("alice", "192.0.2.1");
        LoginResult phone = warden.loginFrom("alice", "192.0.2.2");
        AuthenticatedSession current = as(laptop);
        warden.logout.logout(current, client);

        assertThrows(Unauthenticated.class,
                () -> warden.changeOwnPassword.changePassword(current, PASSWORD, NEW_PASSWORD, client, null));

        as(phone);
    }
}

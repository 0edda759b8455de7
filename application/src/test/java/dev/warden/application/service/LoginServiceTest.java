package dev.warden.application.service;

import static dev.warden.application.fakes.UseCaseFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.application.port.in.auth.LoginUseCase.LoginResult;
import dev.warden.domain.Account;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientDescription;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.DeviceType;
import dev.warden.domain.Role;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.SessionLimitReached;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginServiceTest {
    private final UseCaseFixture warden = new UseCaseFixture();
    private final ClientInfo client = new ClientInfo("198.51.100.4", "curl/8.5");

    @Test
    void givenRightPassword_whenLoggingIn_thenSessionAuditAndEventCommitTogether() {
        Account alice = warden.givenAccount("alice", Role.USER);

        LoginResult result = warden.login.login("alice", PASSWORD, client);

        assertEquals(alice.id(), result.session().userId());
        assertEquals("198.51.100.4", result.session().ipAddress());
        assertEquals(result.token().hash(), result.session().tokenHash());
        assertEquals(1, warden.activeSessionsOf(alice.id()));
        assertEquals(1, warden.audit.ofType(AuditType.LOGIN_SUCCEEDED).size());
        SessionEvent event = warden.outbox.events().getFirst();
        assertEquals(SessionEvent.Type.CREATED, event.type());
        assertEquals(result.session().id(), event.sessionId());
        assertEquals(1, warden.transactions.started());
    }

    @Test
    void givenRightPassword_whenLoggingIn_thenTheCreatedEventCarriesTheParsedClient() {
        warden.givenAccount("alice", Role.USER);

        warden.login.login("alice", PASSWORD, client);

        SessionEvent created = warden.outbox.events().getFirst();
        assertEquals(new ClientDescription("curl", "8.5", "Linux", "", DeviceType.DESKTOP), created.client());
        assertEquals("curl/8.5", created.userAgent());
    }

    @Test
    void givenWrongPasswords_thenTheUserAgentIsNeverParsed() {
        warden.givenAccount("alice", Role.USER);
        for (String name : new String[] {"alice", "nobody"}) {
            assertThrows(InvalidCredentials.class, () -> warden.login.login(name, "wrong password!",
                    new ClientInfo("198.51.100.4", "Attacker/" + name)));
        }
        assertEquals(java.util.List.of(), warden.userAgents.asked);
    }

    @Test
    void usernamesMatchWithoutCase() {
        warden.givenAccount("alice", Role.USER);
        warden.login.login("ALICE", PASSWORD, client);
    }

    @Test
    void unknownUserWrongPasswordAndLockedAccountGetIdenticalAnswers() {
        warden.givenAccount("alice", Role.USER);
        Account locked = warden.givenAccount("bob", Role.USER);
        warden.accounts.update(locked.recordFailedLogin(warden.clock.instant(),
                warden.policy.withLockout(1, Duration.ofMinutes(15))));

        String unknown = assertThrows(InvalidCredentials.class,
                () -> warden.login.login("nobody", PASSWORD, client)).getMessage();
        String wrong = assertThrows(InvalidCredentials.class,
                () -> warden.login.login("alice", "wrong password!", client)).getMessage();
        String lockedAnswer = assertThrows(InvalidCredentials.class,
                () -> warden.login.login("bob", PASSWORD, client)).getMessage();

        assertEquals(unknown, wrong);
        assertEquals(unknown, lockedAnswer);
        // Each refusal spent one password verification, so timing tells them apart no more than text.
        assertEquals(3, warden.hasher.verifications);
        // The audit log records the truth.
        AuditEntry unknownEntry = warden.audit.ofType(AuditType.LOGIN_FAILED).getFirst();
        assertNull(unknownEntry.userId());
        assertEquals("nobody", unknownEntry.username());
        assertEquals(1, warden.audit.ofType(AuditType.LOGIN_REJECTED_LOCKED).size());
    }

    @Test
    void givenNineFailures_whenTheRightPasswordFollows_thenTheCountResets() {
        Account alice = warden.givenAccount("alice", Role.USER);
        for (int i = 0; i < 9; i++) {
            assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", "wrong password!", client));
        }
        assertEquals(9, warden.accounts.findById(alice.id()).orElseThrow().failedAttempts());

        warden.login.login("alice", PASSWORD, client);

        assertEquals(0, warden.accounts.findById(alice.id()).orElseThrow().failedAttempts());
    }

    @Test
    void givenTenFailures_thenEvenTheRightPasswordFailsUntilTheLockEnds() {
        Account alice = warden.givenAccount("alice", Role.USER);
        for (int i = 0; i < 10; i++) {
            assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", "wrong password!", client));
        }
        assertEquals(1, warden.audit.ofType(AuditType.ACCOUNT_LOCKED).size());

        warden.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", PASSWORD, client));

        warden.clock.advance(Duration.ofSeconds(1));
        warden.login.login("alice", PASSWORD, client);
        assertEquals(1, warden.activeSessionsOf(alice.id()));
    }

    @Test
    void givenTenActiveSessions_whenLoggingIn_thenSessionLimitReachedAndNothingEvicted() {
        Account alice = warden.givenAccount("alice", Role.USER);
        for (int i = 0; i < 10; i++) {
            warden.login.login("alice", PASSWORD, client);
        }

        assertThrows(SessionLimitReached.class, () -> warden.login.login("alice", PASSWORD, client));

        assertEquals(10, warden.activeSessionsOf(alice.id()));
        assertEquals(1, warden.audit.ofType(AuditType.LOGIN_REJECTED_SESSION_LIMIT).size());
        assertEquals(10, warden.outbox.events().size());
    }

    @Test
    void expiredSessionsDoNotCountTowardsTheLimit() {
        warden.givenAccount("alice", Role.USER);
        for (int i = 0; i < 10; i++) {
            warden.login.login("alice", PASSWORD, client);
        }
        warden.clock.advance(Duration.ofMinutes(60));

        LoginResult eleventh = warden.login.login("alice", PASSWORD, client);

        assertTrue(eleventh.session().isActiveAt(warden.clock.instant(), warden.policy));
    }

    @Test
    void aDisabledAccountCannotLogIn() {
        Account carol = warden.givenAccount("carol", Role.USER);
        warden.accounts.update(carol.disable());

        assertThrows(InvalidCredentials.class, () -> warden.login.login("carol", PASSWORD, client));
        assertEquals(1, warden.audit.ofType(AuditType.LOGIN_REJECTED_DISABLED).size());
    }

    @Test
    void theOwnerLogsInAgainAfterAllItsSessionsWereTerminated() {
        Account owner = warden.givenAccount("owner", Role.OWNER);
        warden.login.login("owner", PASSWORD, client);
        warden.terminateAll.terminateAll(owner.id(), warden.admin());

        warden.login.login("owner", PASSWORD, client);

        assertEquals(1, warden.activeSessionsOf(owner.id()));
    }
    @Test
    void everyPasswordCheckRunsOutsideAnyTransaction_soNoConnectionOrRowLockIsHeldWhileHashing() {
        warden.givenAccount("alice", Role.USER);
        warden.hasher.whileVerifying = () -> assertEquals(0, warden.transactions.open(),
                "a password hash ran inside a transaction");

        warden.login.login("alice", PASSWORD, client);
        assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", "wrong password!", client));
        assertThrows(InvalidCredentials.class, () -> warden.login.login("nobody", PASSWORD, client));

        assertEquals(3, warden.hasher.verifications);
    }

    @Test
    void givenThePasswordIsResetWhileTheOldOneIsChecked_thenTheLoginIsRefusedAndNoFailureCounted() {
        Account alice = warden.givenAccount("alice", Role.USER);
        warden.hasher.whileVerifying = () -> warden.accounts.update(
                alice.withPassword(warden.hasher.hash("a brand new passphrase")));

        assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", PASSWORD, client));

        assertEquals(0, warden.activeSessionsOf(alice.id()));
        assertEquals(0, warden.accounts.findById(alice.id()).orElseThrow().failedAttempts());
        assertEquals("password changed during login", warden.audit.ofType(AuditType.LOGIN_FAILED).getFirst().reason());
    }

    @Test
    void givenTheAccountIsLockedByOtherAttemptsWhileThisOneIsChecked_thenTheRightPasswordIsStillRefused() {
        Account alice = warden.givenAccount("alice", Role.USER);
        warden.hasher.whileVerifying = () -> warden.accounts.update(alice.recordFailedLogin(warden.clock.instant(),
                warden.policy.withLockout(1, Duration.ofMinutes(15))));

        assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", PASSWORD, client));

        assertEquals(0, warden.activeSessionsOf(alice.id()));
        assertEquals(1, warden.audit.ofType(AuditType.LOGIN_REJECTED_LOCKED).size());
    }

    @Test
    void givenTheLockEndsWhileTheDecoyHashRuns_thenTheAttemptIsRefusedAsLockedAndNotCountedAsAFailure() {
        Account alice = warden.givenAccount("alice", Role.USER);
        Account locked = alice.recordFailedLogin(warden.clock.instant(), warden.policy.withLockout(1, Duration.ofMinutes(15)));
        warden.accounts.update(locked);
        warden.hasher.whileVerifying = () -> warden.clock.advance(Duration.ofMinutes(16));

        assertThrows(InvalidCredentials.class, () -> warden.login.login("alice", PASSWORD, client));

        assertEquals(1, warden.audit.ofType(AuditType.LOGIN_REJECTED_LOCKED).size());
        assertEquals(0, warden.accounts.findById(alice.id()).orElseThrow().failedAttempts());
    }
}

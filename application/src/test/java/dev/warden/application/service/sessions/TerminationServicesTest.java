package dev.warden.application.service.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Forbidden;
import dev.warden.application.port.in.accounts.UserNotFound;
import dev.warden.application.port.in.auth.LoginUseCase.LoginResult;
import dev.warden.application.port.in.sessions.SessionNotFound;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.domain.Account;
import dev.warden.domain.AuditType;
import dev.warden.domain.Role;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.UserId;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TerminationServicesTest {
    private final UseCaseFixture warden = new UseCaseFixture();

    @Test
    void anAdministratorTerminatesOneSessionWithReasonActorAuditAndEvent() {
        warden.givenAccount("alice", Role.USER);
        LoginResult one = warden.loginFrom("alice", "192.0.2.1");
        LoginResult two = warden.loginFrom("alice", "192.0.2.2");
        Actor admin = warden.admin();

        warden.terminate.terminate(one.session().id(), admin);

        assertThrows(Unauthenticated.class, () -> warden.validate.validate(one.token().reveal()));
        warden.validate.validate(two.token().reveal());
        SessionEvent event = warden.outbox.events().getLast();
        assertEquals(SessionEvent.Type.TERMINATED, event.type());
        assertEquals(TerminationReason.ADMIN_TERMINATED, event.reason());
        assertEquals(admin.id(), event.actorId());
        assertEquals(admin.username(), warden.audit.ofType(AuditType.SESSION_TERMINATED).getFirst().actorUsername());
    }

    @Test
    void unknownEndedAndExpiredSessionsAreNotFound() {
        warden.givenAccount("alice", Role.USER);
        LoginResult login = warden.loginFrom("alice", "192.0.2.1");
        Actor admin = warden.admin();

        assertThrows(SessionNotFound.class, () -> warden.terminate.terminate(SessionId.random(), admin));
        warden.terminate.terminate(login.session().id(), admin);
        assertThrows(SessionNotFound.class, () -> warden.terminate.terminate(login.session().id(), admin));

        LoginResult idle = warden.loginFrom("alice", "192.0.2.1");
        warden.clock.advance(Duration.ofMinutes(60));
        assertThrows(SessionNotFound.class, () -> warden.terminate.terminate(idle.session().id(), admin));
    }

    @Test
    void aUserRoleMayNotTerminate() {
        Account bob = warden.givenAccount("bob", Role.USER);
        LoginResult login = warden.loginFrom("bob", "192.0.2.1");
        Actor user = new Actor(bob.id(), bob.username(), bob.role(), null);

        assertThrows(Forbidden.class, () -> warden.terminate.terminate(login.session().id(), user));
        assertThrows(Forbidden.class, () -> warden.terminateAll.terminateAll(bob.id(), user));
        warden.validate.validate(login.token().reveal());
    }

    @Test
    void logoutAllEndsEveryOneOfThatUsersSessionsAndNoOneElses() {
        Account alice = warden.givenAccount("alice", Role.USER);
        warden.givenAccount("bob", Role.USER);
        List<LoginResult> alices = IntStream.range(0, 3).mapToObj(i -> warden.loginFrom("alice", "192.0.2." + i)).toList();
        LoginResult bobs = warden.loginFrom("bob", "192.0.2.9");

        int terminated = warden.terminateAll.terminateAll(alice.id(), warden.admin());

        assertEquals(3, terminated);
        for (LoginResult login : alices) {
            assertThrows(Unauthenticated.class, () -> warden.validate.validate(login.token().reveal()));
            assertEquals(TerminationReason.ADMIN_LOGOUT_ALL, warden.sessions.row(login.session().id()).endReason());
        }
        warden.validate.validate(bobs.token().reveal());
        assertEquals(1, warden.audit.ofType(AuditType.USER_SESSIONS_TERMINATED).size());
        assertEquals(3, warden.outbox.events().stream()
                .filter(e -> e.reason() == TerminationReason.ADMIN_LOGOUT_ALL).count());
    }

    @Test
    void logoutAllOfAnUnknownUserIsUserNotFound() {
        assertThrows(UserNotFound.class, () -> warden.terminateAll.terminateAll(UserId.random(), warden.admin()));
    }

    @Test
    void theSweeperEndsIdleAndAbsoluteExpiriesWithTheirReasonsAndLeavesActiveOnes() {
        UseCaseFixture w = new UseCaseFixture(warden.policy.withAbsoluteLifetime(Duration.ofMinutes(90)));
        w.givenAccount("alice", Role.USER);
        LoginResult idle = w.loginFrom("alice", "192.0.2.1");
        LoginResult busy = w.loginFrom("alice", "192.0.2.2");
        LoginResult fresh = null;
        for (int minute = 15; minute <= 75; minute += 15) {
            w.clock.advance(Duration.ofMinutes(15));
            if (minute != 60) { // at 60 "idle" has just expired; don't let validate() end it first
                w.validate.validate(busy.token().reveal());
            }
            if (minute == 45) {
                fresh = w.loginFrom("alice", "192.0.2.3");
            }
        }
        w.validate.validate(fresh.token().reveal());
        w.clock.advance(Duration.ofMinutes(20)); // minute 95

        int ended = w.sweep.sweepOnce();

        assertEquals(2, ended);
        assertEquals(TerminationReason.IDLE_TIMEOUT, w.sessions.row(idle.session().id()).endReason());
        assertEquals(TerminationReason.ABSOLUTE_LIFETIME, w.sessions.row(busy.session().id()).endReason());
        assertNull(w.sessions.row(fresh.session().id()).endReason());
        assertEquals(2, w.audit.ofType(AuditType.SESSION_EXPIRED).size());
        assertEquals(2, w.outbox.events().stream().filter(e -> e.type() == SessionEvent.Type.EXPIRED).count());
        assertEquals(0, w.sweep.sweepOnce(), "a second sweep finds nothing left to end");
    }

    @Test
    void theSweeperWorksThroughMoreThanOneBatch() {
        UseCaseFixture w = new UseCaseFixture(warden.policy.withMaxSessionsPerUser(1000));
        w.givenAccount("alice", Role.USER);
        for (int i = 0; i < SweepExpiredSessionsService.BATCH_SIZE + 3; i++) {
            w.loginFrom("alice", "192.0.2.1");
        }
        w.clock.advance(Duration.ofHours(2));

        assertEquals(SweepExpiredSessionsService.BATCH_SIZE + 3, w.sweep.sweepOnce());
        assertTrue(w.transactions.inTransaction(() -> w.sessions.lockExpired(
                dev.warden.application.port.out.ActiveWindow.at(w.clock.instant(), w.policy), 10)).isEmpty());
    }
}

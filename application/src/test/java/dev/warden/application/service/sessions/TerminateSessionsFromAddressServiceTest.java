package dev.warden.application.service.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Forbidden;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.auth.LoginUseCase.LoginResult;
import dev.warden.application.port.in.sessions.TerminateSessionsFromAddressUseCase.Command;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.Role;
import dev.warden.domain.TerminationReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminateSessionsFromAddressServiceTest {
    private final UseCaseFixture warden = new UseCaseFixture(new UseCaseFixture().policy.withMaxSessionsPerUser(2000));

    @Test
    void givenSessionsInTheRange_whenTerminating_thenTheyEndButTheCallersOwnAndOthersStay() {
        warden.givenAccount("alice", Role.USER);
        warden.givenAccount("bob", Role.USER);
        warden.givenAccount("root", Role.ADMIN);
        LoginResult alice1 = warden.loginFrom("alice", "10.1.0.5");
        LoginResult alice2 = warden.loginFrom("alice", "10.1.200.9");
        LoginResult bob = warden.loginFrom("bob", "10.1.3.3");
        LoginResult outside = warden.loginFrom("bob", "10.2.0.1");
        LoginResult caller = warden.loginFrom("root", "10.1.9.9");
        Actor actor = UseCaseFixture.actorOf(caller);

        int terminated = warden.terminateFromAddress.terminateFromAddress(new Command("10.1.0.0/16", null), actor);

        assertEquals(3, terminated);
        for (LoginResult ended : List.of(alice1, alice2, bob)) {
            assertEquals(TerminationReason.ADMIN_TERMINATED, warden.sessions.row(ended.session().id()).endReason());
        }
        assertNull(warden.sessions.row(outside.session().id()).endReason());
        assertNull(warden.sessions.row(caller.session().id()).endReason(), "the caller's own session stays");
        warden.validate.validate(caller.token().reveal());
        assertEquals(3, warden.outbox.events().stream()
                .filter(e -> e.reason() == TerminationReason.ADMIN_TERMINATED).count());
        List<AuditEntry> audit = warden.audit.ofType(AuditType.SESSIONS_TERMINATED_BY_IP);
        assertEquals(1, audit.size());
        assertTrue(audit.getFirst().reason().contains("3 sessions from 10.1.0.0/16"), audit.getFirst().reason());
        assertEquals("root", audit.getFirst().actorUsername());
        assertEquals(0, warden.audit.ofType(AuditType.SESSION_TERMINATED).size(), "one entry, not one per session");
    }

    @Test
    void givenAUser_whenTerminatingByAddress_thenOnlyThatUsersSessionsEnd() {
        warden.givenAccount("alice", Role.USER);
        warden.givenAccount("bob", Role.USER);
        LoginResult alice = warden.loginFrom("alice", "2001:db8:1::7");
        LoginResult bob = warden.loginFrom("bob", "2001:db8:1::7");

        int terminated = warden.terminateFromAddress.terminateFromAddress(
                new Command("2001:db8:1::7", alice.account().id()), warden.admin());

        assertEquals(1, terminated);
        assertEquals(TerminationReason.ADMIN_TERMINATED, warden.sessions.row(alice.session().id()).endReason());
        assertNull(warden.sessions.row(bob.session().id()).endReason());
    }

    @Test
    void givenMoreThanABatch_whenTerminating_thenAllEndAndOneAuditEntryCountsThem() {
        warden.givenAccount("alice", Role.USER);
        int count = TerminateSessionsFromAddressService.BATCH_SIZE + 7;
        for (int i = 0; i < count; i++) {
            warden.loginFrom("alice", "192.0.2." + (i % 200));
        }

        assertEquals(count, warden.terminateFromAddress.terminateFromAddress(
                new Command("192.0.0.0/16", null), warden.admin()));
        List<AuditEntry> audit = warden.audit.ofType(AuditType.SESSIONS_TERMINATED_BY_IP);
        assertEquals(1, audit.size());
        assertTrue(audit.getFirst().reason().contains(count + " sessions"), audit.getFirst().reason());
    }

    @Test
    void givenNoSessionsInTheRange_thenZeroAndStillOneAuditEntry() {
        assertEquals(0, warden.terminateFromAddress.terminateFromAddress(new Command("198.51.100.1", null),
                warden.admin()));
        assertEquals(1, warden.audit.ofType(AuditType.SESSIONS_TERMINATED_BY_IP).size());
    }

    @Test
    void givenAUser_whenTerminatingByAddress_thenForbiddenAndNothingEnds() {
        warden.givenAccount("mallory", Role.USER);
        LoginResult victim = warden.loginFrom("mallory", "10.1.0.1");
        Actor user = UseCaseFixture.actorOf(victim);

        assertThrows(Forbidden.class, () -> warden.terminateFromAddress.terminateFromAddress(
                new Command("10.1.0.0/16", null), user));
        assertNull(warden.sessions.row(victim.session().id()).endReason());
        assertEquals(0, warden.audit.ofType(AuditType.SESSIONS_TERMINATED_BY_IP).size());
    }

    @Test
    void givenATooWideOrMissingOrGarbageAddress_thenInvalidRequest() {
        assertThrows(InvalidRequest.class, () -> new Command("10.0.0.0/15", null));
        assertThrows(InvalidRequest.class, () -> new Command("2001:db8::/47", null));
        assertThrows(InvalidRequest.class, () -> new Command("evil.example", null));
        assertThrows(InvalidRequest.class, () -> new Command(" ", null));
        assertEquals("2001:db8:1:0:0:0:0:0/48", new Command("2001:db8:1::/48", null).ip());
    }
}

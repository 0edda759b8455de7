package dev.warden.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.SessionCursor;
import dev.warden.domain.Account;
import dev.warden.domain.Role;
import dev.warden.domain.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminListsTest {
    private final UseCaseFixture warden = new UseCaseFixture(
            dev.warden.domain.WardenPolicy.DEFAULTS.withMaxSessionsPerUser(100));

    @Test
    void idleTimedOutSessionsStillInTheStoreAreNeitherListedNorCounted() {
        warden.givenAccount("alice", Role.USER);
        warden.loginFrom("alice", "192.0.2.1");
        warden.clock.advance(Duration.ofMinutes(30));
        Session recent = warden.loginFrom("alice", "192.0.2.2").session();
        warden.clock.advance(Duration.ofMinutes(30));

        Page<Session> page = warden.listSessions.list(ActiveSessionQuery.all(PageRequest.FIRST), warden.admin());

        assertEquals(List.of(recent.id()), page.items().stream().map(Session::id).toList());
        assertEquals(1, page.total());
    }

    @Test
    void filtersByUserIpAndUsernameText() {
        Account alice = warden.givenAccount("alice", Role.USER);
        warden.givenAccount("bob", Role.USER);
        warden.loginFrom("alice", "192.0.2.1");
        warden.loginFrom("alice", "192.0.2.2");
        warden.loginFrom("bob", "192.0.2.2");

        assertEquals(2, warden.listSessions.list(new ActiveSessionQuery(PageRequest.FIRST, null, alice.id(), null, null),
                warden.admin()).total());
        assertEquals(2, warden.listSessions.list(new ActiveSessionQuery(PageRequest.FIRST, null, null, "192.0.2.2", null),
                warden.admin()).total());
        assertEquals(1, warden.listSessions.list(new ActiveSessionQuery(PageRequest.FIRST, null, null, null, "BO"),
                warden.admin()).total());
    }

    @Test
    void newestActivityFirstAndCursorPagingVisitsEverySessionOnce() {
        warden.givenAccount("alice", Role.USER);
        List<Session> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            warden.clock.advance(Duration.ofSeconds(1));
            created.add(warden.loginFrom("alice", "192.0.2." + i).session());
        }
        List<Session> seen = new ArrayList<>();
        SessionCursor cursor = null;
        do {
            Page<Session> page = warden.listSessions.list(
                    new ActiveSessionQuery(new PageRequest(3, 0), cursor, null, null, null), warden.admin());
            seen.addAll(page.items());
            cursor = page.nextCursor() == null ? null : SessionCursor.decode(page.nextCursor());
        } while (cursor != null);

        assertEquals(created.reversed().stream().map(Session::id).toList(), seen.stream().map(Session::id).toList());
    }

    @Test
    void pageInputsAreChecked() {
        assertThrows(InvalidRequest.class, () -> new PageRequest(0, 0));
        assertThrows(InvalidRequest.class, () -> new PageRequest(501, 0));
        assertThrows(InvalidRequest.class, () -> new PageRequest(50, -1));
        assertThrows(InvalidRequest.class, () -> SessionCursor.decode("not-a-cursor"));
        assertNull(new ActiveSessionQuery(PageRequest.FIRST, null, null, "  ", "").ipAddress());
    }
}

package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.IDLE;
import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.aTokenHash;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.SortOrder;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.SessionCursor;
import dev.warden.application.port.in.sessions.SessionSort;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.domain.Account;
import dev.warden.domain.AddressRange;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every SessionStore must do. */
public abstract class SessionStoreContract extends PortContract {
    protected static final ActiveWindow WINDOW = new ActiveWindow(NOW, NOW.minus(IDLE));

    protected SessionStore sessions;
    protected TransactionBoundary transactions;
    protected Account alice;
    protected Account bob;

    @BeforeEach
    void setUpStore() {
        sessions = ports.sessions();
        transactions = ports.transactions();
        alice = anAccount("Alice").build();
        bob = anAccount("bob").build();
        ports.accounts().insert(alice);
        ports.accounts().insert(bob);
    }

    @Test
    void givenStoredSession_whenFoundByTokenHash_thenSessionAndAccountComeBackUnchanged() {
        Session session = aSession(alice).build();
        sessions.insert(session);

        AuthenticatedSession found = sessions.findOpenByTokenHash(session.tokenHash()).orElseThrow();

        assertEquals(session, found.session());
        assertEquals(alice.id(), found.account().id());
        assertEquals(alice.role(), found.account().role());
        assertEquals(alice.createdAt(), found.account().createdAt());
        assertTrue(sessions.findOpenByTokenHash(aTokenHash()).isEmpty());
    }

    @Test
    void givenEndedSession_whenLookedUp_thenItIsNotFoundNorListedButNotDeleted() {
        Session session = aSession(alice).build();
        sessions.insert(session);

        sessions.markEnded(session.id(), TerminationReason.ADMIN_TERMINATED, bob.id(), NOW);

        assertTrue(sessions.findOpenByTokenHash(session.tokenHash()).isEmpty());
        assertEquals(0, list(ActiveSessionQuery.all(PageRequest.FIRST)).total());
        assertEquals(0, sessions.countActiveByUser(alice.id(), WINDOW));
        assertTrue(transactions.inTransaction(() -> sessions.lockOpenById(session.id())).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TerminationReason.class)
    void everyTerminationReasonCanBeStored(TerminationReason reason) {
        Session session = aSession(alice).build();
        sessions.insert(session);

        sessions.markEnded(session.id(), reason, reason.isExpiry() ? null : bob.id(), NOW);

        assertTrue(sessions.findOpenByTokenHash(session.tokenHash()).isEmpty());
    }

    @Test
    void givenSessionsAtTheActiveBoundaries_whenListedOrCounted_thenOnlyStrictlyActiveOnesAppear() {
        Session active = aSession(alice).lastActiveAt(NOW.minus(IDLE).plusNanos(1_000)).build();
        Session idleExactly = aSession(alice).lastActiveAt(NOW.minus(IDLE)).build();
        Session expiresNow = aSession(alice).expiresAt(NOW).build();
        Session ended = aSession(alice).build();
        List.of(active, idleExactly, expiresNow, ended).forEach(sessions::insert);
        sessions.markEnded(ended.id(), TerminationReason.USER_LOGOUT, null, NOW);

        Page<Session> page = list(ActiveSessionQuery.all(PageRequest.FIRST));

        assertEquals(List.of(active.id()), ids(page));
        assertEquals(1, page.total());
        assertEquals(1, sessions.countActiveByUser(alice.id(), WINDOW));
        assertEquals(0, sessions.countActiveByUser(bob.id(), WINDOW));
    }

    @Test
    void givenSessionsOfSeveralUsersAndIps_whenFiltered_thenEachFilterNarrowsTheList() {
        Session a1 = aSession(alice).withIp("10.0.0.1").lastActiveAt(NOW.minusSeconds(10)).build();
        Session a2 = aSession(alice).withIp("10.0.0.2").lastActiveAt(NOW.minusSeconds(20)).build();
        Session b1 = aSession(bob).withIp("10.0.0.1").lastActiveAt(NOW.minusSeconds(30)).build();
        List.of(b1, a2, a1).forEach(sessions::insert);

        assertEquals(List.of(a1.id(), a2.id(), b1.id()), ids(list(ActiveSessionQuery.all(PageRequest.FIRST))));
        assertEquals(List.of(a1.id(), a2.id()), ids(list(query(alice, null, null))));
        assertEquals(List.of(a1.id(), b1.id()), ids(list(query(null, "10.0.0.1", null))));
        assertEquals(List.of(a1.id(), a2.id()), ids(list(query(null, null, "LIC"))));
        assertEquals(List.of(b1.id()), ids(list(query(bob, "10.0.0.1", "o"))));
        assertEquals(List.of(), ids(list(query(null, "10.0.0.9", null))));
        assertEquals(List.of(), ids(list(query(null, null, "%"))));
        Page<Session> byAlice = list(query(alice, null, null));
        assertEquals(2, byAlice.total());
        assertFalse(byAlice.totalIsLowerBound());
        assertNull(byAlice.nextCursor());
        assertEquals("Alice", byAlice.items().getFirst().username());
    }

    @Test
    void givenSessionsInAndOutOfANetwork_whenFilteredByCidr_thenOnlyThoseInsideAreListed() {
        Session in1 = aSession(alice).withIp("10.1.0.7").lastActiveAt(NOW.minusSeconds(10)).build();
        Session in2 = aSession(bob).withIp("10.1.255.1").lastActiveAt(NOW.minusSeconds(20)).build();
        Session out = aSession(bob).withIp("10.2.0.1").lastActiveAt(NOW.minusSeconds(30)).build();
        Session v6 = aSession(alice).withIp("2001:db8:1:0:0:0:0:9").lastActiveAt(NOW.minusSeconds(40)).build();
        List.of(in1, in2, out, v6).forEach(sessions::insert);

        assertEquals(List.of(in1.id(), in2.id()), ids(list(query(null, "10.1.0.0/16", null))));
        assertEquals(2, list(query(null, "10.1.0.0/16", null)).total());
        assertEquals(List.of(in2.id()), ids(list(query(bob, "10.1.0.0/16", null))));
        assertEquals(List.of(v6.id()), ids(list(query(null, "2001:db8:1::/48", null))));
        assertEquals(List.of(v6.id()), ids(list(query(null, "2001:db8:1::9", null))), "any spelling of one address");
    }

    @Test
    void givenSessionsInARange_whenLockedForBulkEnd_thenActiveOnesInIdOrderExceptTheKeptOneAndNotTwice() {
        Session kept = aSession(alice).withIp("10.1.0.1").build();
        Session a = aSession(alice).withIp("10.1.0.2").build();
        Session b = aSession(bob).withIp("10.1.3.4").build();
        Session outside = aSession(bob).withIp("10.2.0.1").build();
        Session idle = aSession(bob).withIp("10.1.0.3").lastActiveAt(NOW.minus(IDLE)).build();
        Session ended = aSession(bob).withIp("10.1.0.4").build();
        List.of(kept, a, b, outside, idle, ended).forEach(sessions::insert);
        sessions.markEnded(ended.id(), TerminationReason.USER_LOGOUT, null, NOW);
        AddressRange range = AddressRange.parse("10.1.0.0/16");

        List<SessionId> locked = transactions.inTransaction(() -> sessions.lockActiveInRange(range, null, kept.id(),
                WINDOW, 10)).stream().map(Session::id).toList();

        assertEquals(List.of(a.id(), b.id()).stream().sorted(Comparator.comparing(id -> id.value().toString()))
                .toList(), locked);
        assertEquals(List.of(b.id()), transactions.inTransaction(() -> sessions.lockActiveInRange(range, bob.id(),
                null, WINDOW, 10)).stream().map(Session::id).toList());
        assertEquals(1, transactions.inTransaction(() -> sessions.lockActiveInRange(range, null, kept.id(),
                WINDOW, 1)).size());
        transactions.inTransaction(() -> {
            sessions.markEnded(a.id(), TerminationReason.ADMIN_TERMINATED, null, NOW);
            return null;
        });
        assertEquals(List.of(b.id()), transactions.inTransaction(() -> sessions.lockActiveInRange(range, null,
                kept.id(), WINDOW, 10)).stream().map(Session::id).toList(), "an ended session is not found again");
    }

    @Test
    void givenNamesWithLikeWildcards_whenFilteredByQ_thenQMatchesLiterally() {
        Account wild = anAccount("a_b!c%d").build();
        Account tame = anAccount("axb-cxd").build();
        ports.accounts().insert(wild);
        ports.accounts().insert(tame);
        Session wilds = aSession(wild).build();
        Session tames = aSession(tame).build();
        List.of(wilds, tames).forEach(sessions::insert);

        assertEquals(List.of(wilds.id()), ids(list(query(null, null, "_B!"))));
        assertEquals(List.of(wilds.id()), ids(list(query(null, null, "c%d"))));
        assertEquals(List.of(tames.id()), ids(list(query(null, null, "XB-"))));
        assertEquals(List.of(), ids(list(query(null, null, "!%"))));
    }

    @Test
    void givenMoreActiveSessionsThanTheTotalCap_whenListed_thenTheTotalStopsAtTheCapAsALowerBound() {
        int cap = ActiveSessionQuery.TOTAL_CAP;
        transactions.run(() -> {
            for (int i = 0; i <= cap; i++) {
                sessions.insert(aSession(i % 2 == 0 ? alice : bob).lastActiveAt(NOW.minusMillis(i)).build());
            }
        });

        Page<Session> first = list(ActiveSessionQuery.all(PageRequest.FIRST));
        Page<Session> deep = list(new ActiveSessionQuery(new PageRequest(10, cap - 5), null, null, null, null));
        Page<Session> alices = list(query(alice, null, null));
        Page<Session> byName = list(query(null, null, "ALI"));

        assertEquals(cap, first.total());
        assertTrue(first.totalIsLowerBound());
        assertEquals(PageRequest.DEFAULT_LIMIT, first.items().size());
        // Past the cap the total still covers every row the page shows.
        assertEquals(cap + 1, deep.total());
        assertTrue(deep.totalIsLowerBound());
        assertEquals(6, deep.items().size());
        assertEquals(cap / 2 + 1, alices.total());
        assertFalse(alices.totalIsLowerBound());
        assertEquals(cap / 2 + 1, byName.total());
        assertFalse(byName.totalIsLowerBound());
        assertEquals(alices.items(), byName.items());
    }

    @Test
    void givenAPageWithoutItsTotal_whenListed_thenTheSameRowsAndCursorWithOnlyWhatThePageReachesAsALowerBound() {
        for (int i = 0; i < 7; i++) {
            sessions.insert(aSession(i % 2 == 0 ? alice : bob).lastActiveAt(NOW.minusSeconds(i * 10L)).build());
        }
        Page<Session> counted = list(new ActiveSessionQuery(new PageRequest(5, 0), null, null, null, null));

        Page<Session> uncounted = list(new ActiveSessionQuery(PageRequest.uncounted(5), null, null, null, null));
        Page<Session> rest = list(new ActiveSessionQuery(PageRequest.uncounted(5),
                SessionCursor.decode(uncounted.nextCursor()), null, null, null));

        assertEquals(7, counted.total());
        assertEquals(ids(counted), ids(uncounted));
        assertEquals(counted.nextCursor(), uncounted.nextCursor());
        assertEquals(5, uncounted.total());
        assertTrue(uncounted.totalIsLowerBound());
        assertEquals(2, rest.items().size());
        assertNull(rest.nextCursor());
    }

    @Test
    void givenMoreSessionsThanAPage_whenWalkedByCursor_thenEveryActiveSessionComesOnceInOrder() {
        List<Session> stored = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Pairs share an activity time, so the id decides their order.
            Instant at = NOW.minusSeconds(i / 2 * 10L);
            Session session = aSession(i % 3 == 0 ? bob : alice).lastActiveAt(at).build();
            sessions.insert(session);
            stored.add(session);
        }
        List<SessionId> expected = stored.stream()
                .sorted(Comparator.comparing(Session::lastActiveAt)
                        // PostgreSQL orders uuids byte by byte, as their lower-case text sorts.
                        .thenComparing(s -> s.id().value().toString()).reversed())
                .map(Session::id).toList();

        List<SessionId> walked = new ArrayList<>();
        SessionCursor cursor = null;
        int pages = 0;
        do {
            Page<Session> page = list(new ActiveSessionQuery(new PageRequest(5, 0), cursor, null, null, null));
            assertEquals(23, page.total());
            walked.addAll(ids(page));
            cursor = page.nextCursor() == null ? null : SessionCursor.decode(page.nextCursor());
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(5, pages);
        assertEquals(expected, walked);
        assertEquals(expected.subList(10, 15), ids(list(new ActiveSessionQuery(new PageRequest(5, 10), null, null, null, null))));
    }

    @ParameterizedTest
    @EnumSource(SessionSort.class)
    void givenEverySort_whenWalkedByCursorInBothOrders_thenEachSessionComesOnceInTheSortsOrder(SessionSort sort) {
        Account carol = anAccount("carol").build();
        ports.accounts().insert(carol);
        Session s1 = sortable(alice, "10.0.0.9", 50, 1, 3);
        Session s2 = sortable(bob, "10.0.0.10", 40, 5, 1);
        Session s3 = sortable(carol, "2001:db8:0:0:0:0:0:1", 30, 3, 2);
        Session s4 = sortable(alice, "9.255.0.1", 20, 2, 4);
        Session s5 = sortable(bob, "10.0.0.10", 10, 4, 5);
        // Ascending; equal keys (one user's name, one address) fall back to the id.
        List<Session> ascending = switch (sort) {
            case CREATED_AT -> List.of(s1, s2, s3, s4, s5);
            case LAST_ACTIVE_AT -> List.of(s2, s5, s3, s4, s1);
            case EXPIRES_AT -> List.of(s2, s3, s1, s4, s5);
            case USERNAME -> concat(byId(s1, s4), byId(s2, s5), List.of(s3)); // Alice < bob < carol: case-insensitive
            case IP_ADDRESS -> concat(List.of(s4, s1), byId(s2, s5), List.of(s3)); // as addresses, not as text
        };
        List<SessionId> expected = ascending.stream().map(Session::id).toList();

        assertEquals(expected, walk(sort, SortOrder.ASC));
        assertEquals(expected.reversed(), walk(sort, SortOrder.DESC));
    }

    /** A session of {@code owner} from {@code ip}, started, last active and expiring so many minutes/hours from now. */
    private Session sortable(Account owner, String ip, int startedMinutesAgo, int activeMinutesAgo, int expiresInHours) {
        Session session = aSession(owner).withIp(ip).startedAt(NOW.minus(Duration.ofMinutes(startedMinutesAgo)))
                .lastActiveAt(NOW.minus(Duration.ofMinutes(activeMinutesAgo)))
                .expiresAt(NOW.plus(Duration.ofHours(expiresInHours))).build();
        sessions.insert(session);
        return session;
    }

    private List<SessionId> walk(SessionSort sort, SortOrder order) {
        List<SessionId> walked = new ArrayList<>();
        SessionCursor cursor = null;
        int pages = 0;
        do {
            Page<Session> page = list(new ActiveSessionQuery(new PageRequest(2, 0), cursor, null, null, null, sort, order));
            walked.addAll(ids(page));
            cursor = page.nextCursor() == null ? null : SessionCursor.decode(page.nextCursor());
            pages++;
        } while (cursor != null && pages < 10);
        return walked;
    }

    private static List<Session> byId(Session a, Session b) {
        return a.id().value().toString().compareTo(b.id().value().toString()) < 0 ? List.of(a, b) : List.of(b, a);
    }

    @SafeVarargs
    private static List<Session> concat(List<Session>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    @Test
    void givenRecordedActivity_whenAnOlderTimeArrivesLater_thenActivityNeverMovesBackwards() {
        Session session = aSession(alice).lastActiveAt(NOW.minusSeconds(600)).build();
        sessions.insert(session);

        sessions.recordActivity(session.id(), NOW.minusSeconds(60));
        sessions.recordActivity(session.id(), NOW.minusSeconds(300));
        activityWritten();

        assertEquals(NOW.minusSeconds(60),
                sessions.findOpenByTokenHash(session.tokenHash()).orElseThrow().session().lastActiveAt());
    }

    @Test
    void givenASession_whenReauthenticated_thenItsAuthenticationTimeMovesFromTheLoginToThen_andEndsWithIt() {
        Session session = aSession(alice).build();
        sessions.insert(session);
        assertEquals(session.createdAt(), sessions.authenticatedAt(session.id()).orElseThrow(), "the login counts first");

        sessions.recordReauthentication(session.id(), NOW.plusSeconds(90));
        assertEquals(NOW.plusSeconds(90), sessions.authenticatedAt(session.id()).orElseThrow());

        sessions.markEnded(session.id(), TerminationReason.USER_LOGOUT, null, NOW.plusSeconds(100));
        assertTrue(sessions.authenticatedAt(session.id()).isEmpty(), "an ended session proves nothing");
        assertTrue(sessions.authenticatedAt(new SessionId(java.util.UUID.randomUUID())).isEmpty());
    }

    @Test
    void givenOpenAndEndedSessions_whenLockingAUsersSessions_thenOnlyTheirOpenOnesAreReturned() {
        Session a1 = aSession(alice).build();
        Session a2 = aSession(alice).expiresAt(NOW.minusSeconds(1)).build();
        Session ended = aSession(alice).build();
        Session b1 = aSession(bob).build();
        List.of(a1, a2, ended, b1).forEach(sessions::insert);
        sessions.markEnded(ended.id(), TerminationReason.USER_LOGOUT, null, NOW);

        List<Session> locked = transactions.inTransaction(() -> sessions.lockOpenByUser(alice.id()));

        assertEquals(Set.of(a1.id(), a2.id()), new HashSet<>(locked.stream().map(Session::id).toList()));
        assertEquals(a1, transactions.inTransaction(() -> sessions.lockOpenById(a1.id())).orElseThrow());
    }

    @Test
    void givenNoTransaction_whenLocking_thenItRefusesInsteadOfTakingALockItWouldDropAtOnce() {
        assertThrows(IllegalStateException.class, () -> sessions.lockOpenByUser(alice.id()));
        assertThrows(IllegalStateException.class, () -> sessions.lockExpired(WINDOW, 10));
    }

    @Test
    void givenIdleAbsoluteActiveAndEndedSessions_whenLockingExpired_thenOnlyOpenInactiveOnesComeInBatches() {
        Session idle = aSession(alice).lastActiveAt(NOW.minus(IDLE)).build();
        Session absolute = aSession(alice).expiresAt(NOW).build();
        Session active = aSession(alice).build();
        Session endedIdle = aSession(bob).lastActiveAt(NOW.minus(Duration.ofHours(3))).build();
        List.of(idle, absolute, active, endedIdle).forEach(sessions::insert);
        sessions.markEnded(endedIdle.id(), TerminationReason.USER_LOGOUT, null, NOW);

        List<Session> all = transactions.inTransaction(() -> sessions.lockExpired(WINDOW, 10));
        List<Session> one = transactions.inTransaction(() -> sessions.lockExpired(WINDOW, 1));

        assertEquals(Set.of(idle.id(), absolute.id()), new HashSet<>(all.stream().map(Session::id).toList()));
        assertEquals(1, one.size());
    }

    @Test
    void givenSessionsBothIdleAndPastExpiry_whenLockingExpired_thenEachComesOnce_pastExpiryFirst() {
        List<Session> pastExpiryAndIdle = new ArrayList<>();
        List<Session> idleOnly = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Session both = aSession(alice).lastActiveAt(NOW.minus(IDLE).minusSeconds(60))
                    .expiresAt(NOW.minusSeconds(10 + i)).build();
            Session idle = aSession(bob).lastActiveAt(NOW.minus(IDLE).minusSeconds(i)).build();
            sessions.insert(both);
            sessions.insert(idle);
            pastExpiryAndIdle.add(both);
            idleOnly.add(idle);
        }

        List<SessionId> all = transactions.inTransaction(() -> sessions.lockExpired(WINDOW, 10)).stream()
                .map(Session::id).toList();
        List<SessionId> firstFour = transactions.inTransaction(() -> sessions.lockExpired(WINDOW, 4)).stream()
                .map(Session::id).toList();

        assertEquals(6, all.size());
        assertEquals(6, new HashSet<>(all).size(), "no session twice in one batch");
        assertEquals(4, new HashSet<>(firstFour).size());
        assertTrue(firstFour.containsAll(pastExpiryAndIdle.stream().map(Session::id).toList()), firstFour.toString());
        assertTrue(idleOnly.stream().map(Session::id).anyMatch(firstFour::contains));
    }

    @Test
    void givenFullPage_whenListed_thenNextCursorPointsAtItsLastItem() {
        Session newer = aSession(alice).lastActiveAt(NOW.minusSeconds(1)).build();
        Session older = aSession(alice).lastActiveAt(NOW.minusSeconds(2)).build();
        sessions.insert(newer);
        sessions.insert(older);

        Page<Session> page = list(new ActiveSessionQuery(new PageRequest(1, 0), null, null, null, null));

        assertNotNull(page.nextCursor());
        assertEquals(new SessionCursor(newer.lastActiveAt(), newer.id()), SessionCursor.decode(page.nextCursor()));
    }

    /**
     * Waits until recorded activity is in the store: a store may write it off the request path, in
     * batches (PostgreSQL's does, within 250 ms); the default is for stores that write at once.
     */
    protected void activityWritten() {
    }

    private Page<Session> list(ActiveSessionQuery query) {
        return sessions.listActive(query, WINDOW);
    }

    private static ActiveSessionQuery query(Account user, String ip, String q) {
        return new ActiveSessionQuery(PageRequest.FIRST, null, user == null ? null : user.id(), ip, q);
    }

    private static List<SessionId> ids(Page<Session> page) {
        return page.items().stream().map(Session::id).toList();
    }
}

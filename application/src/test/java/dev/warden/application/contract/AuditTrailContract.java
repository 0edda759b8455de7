package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.PageCursor;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.SessionId;
import dev.warden.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every AuditTrail must do. */
public abstract class AuditTrailContract extends PortContract {
    private static final AuditQuery ALL = AuditQuery.all(PageRequest.FIRST);

    protected AuditTrail audit;

    @BeforeEach
    void setUpAudit() {
        audit = ports.audit();
    }

    @Test
    void givenFullAndSparseEntries_whenListed_thenTheyComeBackExactlyNewestFirst() {
        AuditEntry full = AuditEntry.of(AuditType.SESSION_TERMINATED, NOW.minusSeconds(5))
                .withUser(UserId.random(), "alice").withActor(UserId.random(), "admin")
                .withSession(SessionId.random()).withClient(new ClientInfo("198.51.100.4", "curl/8"))
                .withReason("ADMIN_TERMINATED");
        AuditEntry unknownUser = AuditEntry.of(AuditType.LOGIN_FAILED, NOW).withUser(null, "mallory");
        audit.append(full);
        audit.append(unknownUser);

        Page<AuditEntry> page = audit.list(ALL);

        assertEquals(List.of(unknownUser, full), page.items());
        assertEquals(2, page.total());
        assertFalse(page.totalIsLowerBound());
        assertNull(page.nextCursor(), "a page that is not full is the last");
    }

    @Test
    void givenEntriesOfTheSameInstant_whenListed_thenTheLaterWrittenComesFirst() {
        UserId user = UserId.random();
        AuditEntry failed = AuditEntry.of(AuditType.LOGIN_FAILED, NOW).withUser(user, "alice");
        AuditEntry locked = AuditEntry.of(AuditType.ACCOUNT_LOCKED, NOW).withUser(user, "alice");
        audit.append(failed);
        audit.append(locked);

        assertEquals(List.of(locked, failed), audit.list(ALL).items());
    }

    @Test
    void givenEntriesWrittenOutOfTimeOrder_whenListed_thenTheyComeNewestFirst() {
        AuditEntry older = AuditEntry.of(AuditType.LOGIN_SUCCEEDED, NOW.minusSeconds(30)).withUser(null, "alice");
        AuditEntry newer = AuditEntry.of(AuditType.LOGIN_FAILED, NOW).withUser(null, "bob");
        audit.append(newer);
        audit.append(older);

        assertEquals(List.of(newer, older), audit.list(ALL).items());
    }

    @Test
    void givenEntriesOfSeveralUsersAndTypes_whenFiltered_thenOnlyMatchesAreListedAndCounted() {
        UserId alice = UserId.random();
        UserId bob = UserId.random();
        for (int i = 0; i < 5; i++) {
            audit.append(AuditEntry.of(AuditType.LOGIN_SUCCEEDED, NOW.plusSeconds(i)).withUser(alice, "alice"));
        }
        audit.append(AuditEntry.of(AuditType.LOGIN_FAILED, NOW).withUser(alice, "alice"));
        audit.append(AuditEntry.of(AuditType.LOGIN_FAILED, NOW).withUser(bob, "bob"));

        Page<AuditEntry> alicesSuccesses = audit.list(AuditQuery.all(new PageRequest(2, 1)).withUser(alice)
                .withTypes(AuditType.LOGIN_SUCCEEDED));
        assertEquals(5, alicesSuccesses.total());
        assertEquals(List.of(NOW.plusSeconds(3), NOW.plusSeconds(2)),
                alicesSuccesses.items().stream().map(AuditEntry::occurredAt).toList());
        assertEquals(6, audit.list(ALL.withUser(alice)).total());
        assertEquals(2, audit.list(ALL.withTypes(AuditType.LOGIN_FAILED)).total());
        assertEquals(List.of(bob), audit.list(ALL.withUser(bob)).items().stream().map(AuditEntry::userId).toList());
    }

    @Test
    void givenSeveralTypes_whenFilteredByAnyOfThem_thenEachMatchingEntryComesNewestFirst() {
        AuditEntry locked = append(AuditType.ACCOUNT_LOCKED, NOW.minusSeconds(1), "alice");
        append(AuditType.LOGIN_SUCCEEDED, NOW.minusSeconds(2), "alice");
        AuditEntry failed = append(AuditType.LOGIN_FAILED, NOW.minusSeconds(3), "alice");
        AuditEntry unlocked = append(AuditType.ACCOUNT_UNLOCKED, NOW.minusSeconds(4), "alice");
        AuditEntry lockedAgain = append(AuditType.ACCOUNT_LOCKED, NOW.minusSeconds(5), "bob");
        append(AuditType.LOGOUT, NOW.minusSeconds(6), "bob");

        Page<AuditEntry> page = audit.list(ALL.withTypes(AuditType.ACCOUNT_LOCKED, AuditType.LOGIN_FAILED,
                AuditType.ACCOUNT_UNLOCKED, AuditType.ROLE_CHANGED));
        Page<AuditEntry> firstTwo = audit.list(AuditQuery.all(new PageRequest(2, 0))
                .withTypes(AuditType.ACCOUNT_UNLOCKED, AuditType.ACCOUNT_LOCKED));

        assertEquals(List.of(locked, failed, unlocked, lockedAgain), page.items());
        assertEquals(4, page.total());
        assertEquals(List.of(locked, unlocked), firstTwo.items());
        assertEquals(3, firstTwo.total());
        assertEquals(List.of(failed, unlocked), audit.list(AuditQuery.all(new PageRequest(2, 1))
                .withTypes(AuditType.ACCOUNT_LOCKED, AuditType.LOGIN_FAILED, AuditType.ACCOUNT_UNLOCKED)).items(),
                "an offset skips across the types");
        assertEquals(List.of(lockedAgain), audit.list(ALL.withTypes(AuditType.ACCOUNT_LOCKED).withUsername("bob")).items());
    }

    @Test
    void givenEntriesOfSeveralNames_whenFilteredByUsername_thenTheWholeNameMatchesInAnyCase() {
        UserId alice = UserId.random();
        AuditEntry login = append(AuditEntry.of(AuditType.LOGIN_SUCCEEDED, NOW).withUser(alice, "Alice"));
        // What a login with an unknown name records: the name as typed, no user.
        AuditEntry typed = append(AuditEntry.of(AuditType.LOGIN_FAILED, NOW.minusSeconds(1)).withUser(null, "ALICE"));
        append(AuditEntry.of(AuditType.LOGIN_FAILED, NOW.minusSeconds(2)).withUser(null, "alice2"));
        append(AuditEntry.of(AuditType.LOGIN_FAILED, NOW.minusSeconds(3)).withUser(null, "malice"));
        // Alice acting on someone else is that one's entry, not hers.
        append(AuditEntry.of(AuditType.SESSION_TERMINATED, NOW.minusSeconds(4)).withUser(UserId.random(), "bob")
                .withActor(alice, "Alice"));
        AuditEntry finn = append(AuditEntry.of(AuditType.LOGIN_FAILED, NOW.minusSeconds(5)).withUser(null, "finn"));

        Page<AuditEntry> alices = audit.list(ALL.withUsername("alice"));

        assertEquals(List.of(login, typed), alices.items());
        assertEquals(2, alices.total());
        assertEquals(List.of(login, typed), audit.list(ALL.withUsername("  aLiCe ")).items());
        assertEquals(List.of(), audit.list(ALL.withUsername("lic")).items(), "a whole name, not a fragment");
        // Normalised as a login normalises a typed name (NFKC): the ligature finds finn.
        assertEquals(List.of(finn), audit.list(ALL.withUsername("\uFB01nn")).items());
        assertEquals(List.of(typed), audit.list(ALL.withUsername("alice").withTypes(AuditType.LOGIN_FAILED)).items());
        assertEquals(List.of(login), audit.list(ALL.withUsername("alice").withUser(alice)).items());
    }

    @Test
    void givenEntriesFromSeveralAddresses_whenFilteredByIp_thenOnlyThatAddressMatches() {
        AuditEntry fromV4 = append(AuditEntry.of(AuditType.LOGIN_FAILED, NOW).withUser(null, "alice")
                .withClient(new ClientInfo("198.51.100.4", "curl/8")));
        append(AuditEntry.of(AuditType.LOGIN_FAILED, NOW.minusSeconds(1)).withUser(null, "alice")
                .withClient(new ClientInfo("198.51.100.40", "curl/8")));
        AuditEntry fromV6 = append(AuditEntry.of(AuditType.LOGIN_SUCCEEDED, NOW.minusSeconds(2)).withUser(null, "bob")
                .withClient(new ClientInfo("2001:db8:0:0:0:0:0:1", "curl/8")));
        append(AuditEntry.of(AuditType.SESSION_EXPIRED, NOW.minusSeconds(3)).withUser(null, "bob"));
        AuditEntry olderFromV4 = append(AuditEntry.of(AuditType.LOGIN_SUCCEEDED, NOW.minusSeconds(4))
                .withUser(null, "bob").withClient(new ClientInfo("198.51.100.4", "curl/8")));

        assertEquals(List.of(fromV4, olderFromV4), audit.list(ALL.withIp("198.51.100.4")).items());
        assertEquals(2, audit.list(ALL.withIp("198.51.100.4")).total());
        assertEquals(List.of(fromV6), audit.list(ALL.withIp("2001:db8:0:0:0:0:0:1")).items());
        assertEquals(List.of(olderFromV4),
                audit.list(ALL.withIp("198.51.100.4").withTypes(AuditType.LOGIN_SUCCEEDED)).items());
        assertEquals(List.of(), audit.list(ALL.withIp("198.51.100.4").withUsername("carol")).items());
    }

    @Test
    void givenAWindow_whenListed_thenFromIsInclusiveAndToExclusive() {
        AuditEntry before = append(AuditType.LOGIN_SUCCEEDED, NOW.minusSeconds(11), "alice");
        AuditEntry atFrom = append(AuditType.LOGIN_SUCCEEDED, NOW.minusSeconds(10), "alice");
        AuditEntry inside = append(AuditType.LOGIN_FAILED, NOW.minusSeconds(5), "bob");
        AuditEntry atTo = append(AuditType.LOGIN_SUCCEEDED, NOW, "alice");
        AuditEntry after = append(AuditType.LOGOUT, NOW.plusSeconds(1), "alice");

        Page<AuditEntry> window = audit.list(ALL.between(NOW.minusSeconds(10), NOW));

        assertEquals(List.of(inside, atFrom), window.items());
        assertEquals(2, window.total());
        assertEquals(List.of(after, atTo), audit.list(ALL.between(NOW, null)).items());
        assertEquals(List.of(inside, atFrom, before), audit.list(ALL.between(null, NOW)).items());
        assertEquals(List.of(), audit.list(ALL.between(NOW, NOW)).items());
        assertEquals(List.of(atFrom), audit.list(ALL.between(NOW.minusSeconds(10), NOW).withUsername("alice")).items());
        assertEquals(List.of(inside),
                audit.list(ALL.between(NOW.minusSeconds(10), NOW).withTypes(AuditType.LOGIN_FAILED)).items());
        assertEquals(List.of(after, atTo, inside, atFrom, before),
                audit.list(ALL.between(Instant.parse("0001-01-01T00:00:00Z"),
                        Instant.parse("9999-12-31T23:59:59.999999999Z"))).items(),
                "the widest window the query allows is one the store can compare");
    }

    @Test
    void givenMoreEntriesThanAPage_whenWalkedByCursor_thenEveryEntryComesOnceInOrder() {
        List<AuditEntry> written = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Written out of time order, and three share each instant: the order written decides among them.
            Instant at = NOW.minusSeconds((i * 7 % 23) / 3 * 10L);
            written.add(append(i % 4 == 0 ? AuditType.LOGIN_FAILED : AuditType.LOGIN_SUCCEEDED, at, "alice"));
        }
        List<AuditEntry> expected = newestFirst(written);

        assertEquals(expected, walk(AuditQuery.all(new PageRequest(5, 0)), 23));
        assertEquals(expected.subList(10, 15), audit.list(AuditQuery.all(new PageRequest(5, 10))).items());
    }

    @Test
    void givenAPageWithoutItsTotal_whenListed_thenTheSameEntriesAndCursorWithOnlyWhatThePageReachesAsALowerBound() {
        for (int i = 0; i < 7; i++) {
            append(AuditType.LOGIN_SUCCEEDED, NOW.minusSeconds(i * 10L), "alice");
        }
        Page<AuditEntry> counted = audit.list(AuditQuery.all(new PageRequest(5, 0)));

        Page<AuditEntry> uncounted = audit.list(AuditQuery.all(PageRequest.uncounted(5)));

        assertEquals(7, counted.total());
        assertEquals(counted.items(), uncounted.items());
        assertEquals(counted.nextCursor(), uncounted.nextCursor());
        assertEquals(5, uncounted.total());
        assertTrue(uncounted.totalIsLowerBound());
    }

    @Test
    void givenFilters_whenWalkedByCursor_thenEveryMatchComesOnceInOrder() {
        List<AuditEntry> written = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            written.add(append(i % 3 == 0 ? AuditType.LOGIN_FAILED : i % 3 == 1 ? AuditType.ACCOUNT_LOCKED
                    : AuditType.LOGOUT, NOW.minusSeconds(i / 2), i % 5 == 0 ? "bob" : "alice"));
        }
        Instant from = NOW.minusSeconds(17);
        Instant to = NOW.minusSeconds(2);
        List<AuditEntry> expected = newestFirst(written.stream()
                .filter(e -> e.type() != AuditType.LOGOUT && e.username().equals("alice"))
                .filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to)).toList());

        AuditQuery query = AuditQuery.all(new PageRequest(3, 0)).withUsername("alice")
                .withTypes(AuditType.LOGIN_FAILED, AuditType.ACCOUNT_LOCKED).between(from, to);
        assertEquals(expected, walk(query, expected.size()));
        List<AuditEntry> byType = newestFirst(written.stream().filter(e -> e.type() != AuditType.LOGOUT)
                .filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to)).toList());
        assertEquals(byType, walk(AuditQuery.all(new PageRequest(4, 0))
                .withTypes(AuditType.ACCOUNT_LOCKED, AuditType.LOGIN_FAILED).between(from, to), byType.size()));
    }

    @Test
    void givenACursorWhoseEntryIsGone_whenListed_thenThePageContinuesBeforeItsInstant() {
        AuditEntry sameInstant = append(AuditType.LOGIN_SUCCEEDED, NOW, "alice");
        AuditEntry older = append(AuditType.LOGIN_SUCCEEDED, NOW.minusSeconds(1), "alice");

        Page<AuditEntry> page = audit.list(ALL.after(new PageCursor(NOW, UUID.randomUUID())));

        assertEquals(List.of(older), page.items());
        assertFalse(page.items().contains(sameInstant));
    }

    @Test
    void givenMoreEntriesThanTheTotalCap_whenListed_thenTheTotalStopsAtTheCapAsALowerBound() {
        int cap = AuditQuery.TOTAL_CAP;
        ports.transactions().run(() -> {
            for (int i = 0; i <= cap; i++) {
                audit.append(AuditEntry.of(i % 1000 == 0 ? AuditType.ACCOUNT_LOCKED : AuditType.LOGIN_SUCCEEDED,
                        NOW.minusMillis(i)).withUser(null, i % 2 == 0 ? "alice" : "bob"));
            }
        });

        Page<AuditEntry> first = audit.list(ALL);
        Page<AuditEntry> deep = audit.list(AuditQuery.all(new PageRequest(10, cap - 5)));
        Page<AuditEntry> locks = audit.list(ALL.withTypes(AuditType.ACCOUNT_LOCKED));

        assertEquals(cap, first.total());
        assertTrue(first.totalIsLowerBound());
        assertEquals(PageRequest.DEFAULT_LIMIT, first.items().size());
        // Past the cap the total still covers every row the page shows.
        assertEquals(cap + 1, deep.total());
        assertEquals(6, deep.items().size());
        assertEquals(11, locks.total());
        assertFalse(locks.totalIsLowerBound());
        assertEquals(cap / 2 + 1, audit.list(ALL.withUsername("alice")).total());
    }

    private AuditEntry append(AuditType type, Instant at, String username) {
        return append(AuditEntry.of(type, at).withUser(null, username));
    }

    private AuditEntry append(AuditEntry entry) {
        audit.append(entry);
        return entry;
    }

    /** Newest first; of one instant, the later written first (entries are in the order written). */
    private static List<AuditEntry> newestFirst(List<AuditEntry> written) {
        return written.stream()
                .sorted(Comparator.comparing(AuditEntry::occurredAt).thenComparing(written::indexOf).reversed())
                .toList();
    }

    /** Every page of the query by nextCursor; each says the same total. */
    private List<AuditEntry> walk(AuditQuery first, int total) {
        List<AuditEntry> walked = new ArrayList<>();
        AuditQuery query = first;
        for (int pages = 0; pages < 50; pages++) {
            Page<AuditEntry> page = audit.list(query);
            assertEquals(total, page.total());
            walked.addAll(page.items());
            if (page.nextCursor() == null) {
                return walked;
            }
            query = first.after(PageCursor.decode(page.nextCursor()));
        }
        throw new AssertionError("the walk did not end: " + walked.size() + " entries");
    }
}

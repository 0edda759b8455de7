package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.IDLE;
import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.accounts.UserQuery;
import dev.warden.application.port.in.accounts.UserSummary;
import dev.warden.application.port.in.accounts.UsernameTaken;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.domain.Account;
import dev.warden.domain.Role;
import dev.warden.domain.Session;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every UserAccounts must do. */
public abstract class UserAccountsContract extends PortContract {
    protected static final ActiveWindow WINDOW = new ActiveWindow(NOW, NOW.minus(IDLE));

    protected UserAccounts accounts;
    protected TransactionBoundary transactions;

    @BeforeEach
    void setUpAccounts() {
        accounts = ports.accounts();
        transactions = ports.transactions();
    }

    @Test
    void givenInsertedAccount_whenFoundOrUpdated_thenEveryFieldRoundTrips() {
        Account alice = anAccount("Alice").build();
        accounts.insert(alice);
        assertEquals(alice.toString(), accounts.findById(alice.id()).orElseThrow().toString());

        Account locked = anAccount("Alice").withId(alice.id()).withPasswordHash("new-hash").withRole(Role.ADMIN)
                .disabled().withFailedAttempts(3).lockedUntil(NOW.plus(Duration.ofMinutes(15)))
                .createdAt(alice.createdAt()).build();
        accounts.update(locked);

        Account found = accounts.findById(alice.id()).orElseThrow();
        assertEquals(locked, found);
        assertTrue(accounts.findById(UserId.random()).isEmpty());
    }

    @Test
    void givenTakenName_whenInsertingItInAnotherCase_thenUsernameTakenAndTheTransactionGoesOn() {
        accounts.insert(anAccount("Alice").build());

        assertThrows(UsernameTaken.class, () -> accounts.insert(anAccount("aLICE").build()));
        Account carol = anAccount("carol").build();
        transactions.run(() -> {
            assertThrows(UsernameTaken.class, () -> accounts.insert(anAccount("ALICE").build()));
            accounts.insert(carol);
        });

        assertTrue(accounts.findById(carol.id()).isPresent());
    }

    @Test
    void givenAnOwner_whenAskedOrInsertingASecond_thenOwnerExistsAndTheSecondIsRefused() {
        assertFalse(accounts.ownerExists());
        accounts.insert(anAccount("owner").withRole(Role.OWNER).build());

        assertTrue(accounts.ownerExists());
        assertThrows(RuntimeException.class, () -> accounts.insert(anAccount("owner2").withRole(Role.OWNER).build()));
    }

    @Test
    void givenAccount_whenFoundByNameInAnyCaseOrLockedById_thenItIsFound() {
        Account alice = anAccount("Alice").build();
        accounts.insert(alice);

        assertEquals(alice.id(), accounts.findByUsername("aLiCe").orElseThrow().id());
        assertEquals(alice.id(), transactions.inTransaction(() -> accounts.lockById(alice.id())).orElseThrow().id());
        assertTrue(accounts.findByUsername("alice2").isEmpty());
        assertThrows(IllegalStateException.class, () -> accounts.lockById(alice.id()));
    }

    @Test
    void givenOneLoginHoldsTheUserLock_whenASecondLocksTheSameUser_thenItWaitsForTheFirstToCommit() throws Exception {
        Account alice = anAccount("alice").build();
        accounts.insert(alice);
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        AtomicLong firstReleasing = new AtomicLong();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.run(() -> {
            accounts.lockById(alice.id()).orElseThrow();
            firstHoldsLock.countDown();
            sleep(400);
            firstReleasing.set(System.nanoTime());
        }));
        assertTrue(firstHoldsLock.await(5, TimeUnit.SECONDS));

        long secondAcquired = transactions.inTransaction(() -> {
            accounts.lockById(alice.id()).orElseThrow();
            return System.nanoTime();
        });
        first.get(5, TimeUnit.SECONDS);

        assertTrue(firstReleasing.get() != 0 && secondAcquired > firstReleasing.get(),
                "the second lock was granted before the first transaction ended");
    }

    @Test
    void givenParallelFailedLogins_whenEachCountsUnderTheLock_thenNoFailureIsLost() throws Exception {
        Account alice = anAccount("alice").build();
        accounts.insert(alice);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(pool.submit(() -> transactions.run(() -> {
                    Account seen = accounts.lockById(alice.id()).orElseThrow();
                    accounts.update(new Account(seen.id(), seen.username(), seen.passwordHash(), seen.role(),
                            seen.status(), seen.failedAttempts() + 1, seen.lockedUntil(), seen.createdAt()));
                })));
            }
            for (Future<?> attempt : attempts) {
                attempt.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(8, accounts.findById(alice.id()).orElseThrow().failedAttempts());
    }

    @Test
    void givenUsersWithSessions_whenListed_thenOrderedByNameWithActiveCountsAndCurrentLocksOnly() {
        Account bob = anAccount("bob").build();
        Account alice = anAccount("Alice").build();
        Account lockedCarol = anAccount("carol").lockedUntil(NOW.plusSeconds(60)).build();
        Account formerlyLockedDave = anAccount("dave").lockedUntil(NOW).build();
        List.of(bob, alice, lockedCarol, formerlyLockedDave).forEach(accounts::insert);
        var sessions = ports.sessions();
        sessions.insert(aSession(alice).withIp("10.0.0.1").build());
        sessions.insert(aSession(alice).withIp("10.0.0.1").build());
        sessions.insert(aSession(alice).withIp("10.0.0.2").build());
        sessions.insert(aSession(alice).withIp("10.0.0.3").lastActiveAt(NOW.minus(IDLE)).build());
        sessions.insert(aSession(alice).withIp("10.0.0.4").expiresAt(NOW).build());
        Session ended = aSession(alice).withIp("10.0.0.5").build();
        sessions.insert(ended);
        sessions.markEnded(ended.id(), TerminationReason.USER_LOGOUT, null, NOW);

        Page<UserSummary> page = accounts.list(new UserQuery(PageRequest.FIRST, null), WINDOW);

        assertEquals(List.of("Alice", "bob", "carol", "dave"), page.items().stream().map(UserSummary::username).toList());
        assertEquals(4, page.total());
        UserSummary aliceRow = page.items().get(0);
        assertEquals(3, aliceRow.activeSessions());
        assertEquals(2, aliceRow.distinctIps());
        assertEquals(0, page.items().get(1).activeSessions());
        assertEquals(NOW.plusSeconds(60), page.items().get(2).lockedUntil());
        assertNull(page.items().get(3).lockedUntil());
        assertEquals(alice.createdAt(), aliceRow.createdAt());
    }

    @Test
    void givenManyUsers_whenFilteredAndPaged_thenQMatchesWithoutCaseAndTotalCountsAllMatches() {
        List.of("Anna", "hannah", "bob", "JOHANNES", "zed").forEach(name -> accounts.insert(anAccount(name).build()));

        Page<UserSummary> page = accounts.list(new UserQuery(new PageRequest(2, 1), "ANN"), WINDOW);

        assertEquals(3, page.total());
        assertEquals(List.of("hannah", "JOHANNES"), page.items().stream().map(UserSummary::username).toList());
        assertEquals(0, accounts.list(new UserQuery(PageRequest.FIRST, "_"), WINDOW).total());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

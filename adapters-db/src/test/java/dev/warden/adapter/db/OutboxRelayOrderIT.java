package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.out.OutboxQueue.PendingEvent;
import dev.warden.domain.Account;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.testdata.TestData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-user order across instances: one user's outbox positions follow commit order, and only one
 * instance at a time relays, so the broker receives each user's events in the order they committed.
 */
class OutboxRelayOrderIT {
    private final WardenDatabase database = TestDatabase.get();
    // Own threads: the common pool has a single thread on a two-core machine.
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void empty() {
        TestDatabase.reset();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static SessionEvent eventOf(Account user) {
        return SessionEvent.created(aSession(user).build(), TestData.FIREFOX_ON_LINUX, NOW);
    }

    @Test
    void givenAnOpenTransactionWithAUsersEvent_whenAnotherAppendsForThatUser_thenItWaitsForTheCommit() throws Exception {
        Account alice = anAccount("alice").build();
        SessionEvent first = eventOf(alice);
        SessionEvent second = eventOf(alice);
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> database.transactions().run(() -> {
            database.eventOutbox().append(first);
            firstAppended.countDown();
            Latches.await(commitFirst);
        }), threads);
        assertTrue(firstAppended.await(5, TimeUnit.SECONDS));

        CompletableFuture<Void> fast = CompletableFuture.runAsync(() ->
                database.transactions().run(() -> database.eventOutbox().append(second)), threads);
        assertThrowsTimeout(fast);
        commitFirst.countDown();
        slow.get(5, TimeUnit.SECONDS);
        fast.get(5, TimeUnit.SECONDS);

        assertEquals(List.<Object>of(first, second),
                database.outboxQueue().oldestUnpublished(10).stream().map(PendingEvent::event).toList());
    }

    @Test
    void differentUsersDoNotWaitForEachOther() throws Exception {
        CountDownLatch aliceAppended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> alice = CompletableFuture.runAsync(() -> database.transactions().run(() -> {
            database.eventOutbox().append(eventOf(anAccount("alice").build()));
            aliceAppended.countDown();
            Latches.await(release);
        }), threads);
        assertTrue(aliceAppended.await(5, TimeUnit.SECONDS));

        CompletableFuture.runAsync(() -> database.transactions().run(() ->
                database.eventOutbox().append(eventOf(anAccount("bob").build()))), threads).get(5, TimeUnit.SECONDS);

        release.countDown();
        alice.get(5, TimeUnit.SECONDS);
    }

    @Test
    void onlyOneInstanceRelaysAtATime() {
        database.eventOutbox().append(eventOf(anAccount("alice").build()));
        // Started before the first takes the lease: a lease idle longer than its timeout would lapse.
        try (WardenDatabase second = TestDatabase.anotherInstance(); WardenDatabase third = TestDatabase.anotherInstance()) {
            assertEquals(1, database.outboxQueue().oldestUnpublished(10).size(), "the first instance takes the lease");

            assertEquals(List.of(), second.outboxQueue().oldestUnpublished(10), "the lease is taken");
            assertTrue(third.outboxQueue().oldestUnpublished(10).isEmpty());
            assertFalse(database.outboxQueue().oldestUnpublished(10).isEmpty(), "the holder keeps its lease");
        }
    }

    private static void assertThrowsTimeout(CompletableFuture<Void> future) throws Exception {
        try {
            future.get(500, TimeUnit.MILLISECONDS);
            throw new AssertionError("the second append did not wait for the first transaction");
        } catch (TimeoutException expected) {
            // still waiting for the user's lock: as it should
        }
    }
}

package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.domain.SessionEvent;
import dev.warden.domain.testdata.TestData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay lease follows the relay's liveness, not just its connection's: a holder that falls
 * silent while its connection stays open (a frozen process, a leaked connection) loses the lease
 * within the lease timeout, and a holder that keeps relaying or waiting keeps it. Here the lease
 * timeout is {@link TestDatabase#RELAY_LEASE_TIMEOUT} (2 s; 30 s in production).
 */
class RelayLeaseIT {
    private final WardenDatabase holder = TestDatabase.get();
    private final ExecutorService threads = Executors.newSingleThreadExecutor();
    private WardenDatabase other;

    @BeforeEach
    void oneEventPendingAndTheLeaseWithTheSharedInstance() {
        TestDatabase.reset();
        other = TestDatabase.anotherInstance(); // started first: its start-up takes no time from the holder's lease
        holder.eventOutbox().append(SessionEvent.created(aSession().build(), TestData.FIREFOX_ON_LINUX, NOW));
        assertEquals(1, holder.outboxQueue().oldestUnpublished(10).size(), "the shared instance holds the lease");
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        stopOther();
    }

    private void stopOther() {
        if (other != null) {
            other.close();
            other = null;
        }
    }

    @Test
    void aHolderThatFallsSilentWithItsConnectionOpenLosesTheLeaseWithinTheTimeout() {
        assertEquals(List.of(), other.outboxQueue().oldestUnpublished(10), "taken while the holder is alive");

        // The holder now stops calling, its connection left open, as a frozen process would.
        long silentSince = System.nanoTime();
        while (other.outboxQueue().oldestUnpublished(10).isEmpty()) {
            assertTrue(System.nanoTime() - silentSince < TimeUnit.SECONDS.toNanos(30),
                    "the other instance never got the lease of a silent holder");
            sleep(100);
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silentSince);
        assertTrue(tookMillis >= TestDatabase.RELAY_LEASE_TIMEOUT.toMillis() / 2,
                "taken over after " + tookMillis + " ms: sooner than the holder could have gone silent");
        assertTrue(tookMillis < TestDatabase.RELAY_LEASE_TIMEOUT.toMillis() + 5_000, "took " + tookMillis + " ms");

        assertEquals(List.of(), holder.outboxQueue().oldestUnpublished(10),
                "the old holder notices it lost the lease and relays nothing");
        stopOther();
        // Free again as soon as PostgreSQL has processed the other's disconnect: no lease timeout.
        long stoppedAt = System.nanoTime();
        while (holder.outboxQueue().oldestUnpublished(10).isEmpty()) {
            assertTrue(System.nanoTime() - stoppedAt < TimeUnit.SECONDS.toNanos(3),
                    "when the other instance stops, the lease is free again without waiting for the timeout");
            sleep(50);
        }
    }

    @Test
    void aHolderThatKeepsWaitingForNewsKeepsTheLease() throws Exception {
        Duration wait = TestDatabase.RELAY_LEASE_TIMEOUT.multipliedBy(2);
        long deadline = System.nanoTime() + wait.toNanos();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                // Idle, as the relay is between batches (a notification left over just wakes it early).
                while (System.nanoTime() < deadline) {
                    holder.outboxQueue().awaitNewEvents(Duration.ofNanos(deadline - System.nanoTime()));
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        while (System.nanoTime() < deadline) {
            assertEquals(List.of(), other.outboxQueue().oldestUnpublished(10),
                    "the other instance took the lease of a live, waiting holder");
            sleep(250);
        }
        waiting.get(10, TimeUnit.SECONDS);
        assertEquals(1, holder.outboxQueue().oldestUnpublished(10).size(), "and still holds it afterwards");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

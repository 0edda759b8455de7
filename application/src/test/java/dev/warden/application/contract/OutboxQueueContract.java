package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.application.port.out.OutboxQueue.PendingEvent;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.testdata.TestData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every OutboxQueue must do for the relay. */
public abstract class OutboxQueueContract extends PortContract {
    protected EventOutbox outbox;
    protected OutboxQueue queue;

    @BeforeEach
    void setUpQueue() throws InterruptedException {
        outbox = ports.outbox();
        queue = ports.queue();
        // Start listening and forget what earlier tests announced.
        while (queue.awaitNewEvents(Duration.ofMillis(50))) {
            // drain
        }
    }

    @Test
    void givenPendingEvents_whenSomeArePublished_thenOnlyTheRestRemainOldestFirst() {
        List<SessionEvent> events = List.of(event(), event(), event(), event());
        events.forEach(outbox::append);

        List<PendingEvent> firstTwo = queue.oldestUnpublished(2);
        assertEquals(events.subList(0, 2), firstTwo.stream().map(PendingEvent::event).toList());
        assertTrue(firstTwo.get(0).position() < firstTwo.get(1).position());

        queue.markPublished(firstTwo.stream().map(PendingEvent::position).toList());
        queue.markPublished(List.of());

        assertEquals(events.subList(2, 4), queue.oldestUnpublished(10).stream().map(PendingEvent::event).toList());
    }

    @Test
    void givenAWaitingRelay_whenAnAppendCommits_thenItWakesWithinASecond() throws Exception {
        CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.awaitNewEvents(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        long committed = System.nanoTime();
        ports.transactions().run(() -> outbox.append(event()));

        assertTrue(woken.get(5, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - committed < TimeUnit.SECONDS.toNanos(1), "woke later than a second after commit");
    }

    @Test
    void givenAnAppendThatRollsBack_whenWaiting_thenNoNotificationAndNothingPending() throws InterruptedException {
        assertThrows(IllegalStateException.class, () -> ports.transactions().run(() -> {
            outbox.append(event());
            throw new IllegalStateException("boom");
        }));

        assertFalse(queue.awaitNewEvents(Duration.ofMillis(500)));
        assertEquals(List.of(), queue.oldestUnpublished(10));
    }

    @Test
    void givenNoNews_whenWaiting_thenItReturnsFalseAfterAboutTheTimeout() throws InterruptedException {
        long start = System.nanoTime();
        assertFalse(queue.awaitNewEvents(Duration.ofMillis(300)));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 250 && waited < 2_000, "waited " + waited + " ms");
    }

    private static SessionEvent event() {
        return SessionEvent.created(aSession(anAccount("alice").build()).build(), TestData.FIREFOX_ON_LINUX, NOW);
    }
}

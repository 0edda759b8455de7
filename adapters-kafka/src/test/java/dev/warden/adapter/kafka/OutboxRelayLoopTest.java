package dev.warden.adapter.kafka;

import static dev.warden.adapter.kafka.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.InMemoryOutbox;
import dev.warden.application.service.operations.OutboxRelayService;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxRelayLoopTest {
    private static final Duration LONG_POLL = Duration.ofSeconds(30);
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(50);

    private final InMemoryOutbox queue = new InMemoryOutbox();
    private final ScriptedPublisher publisher = new ScriptedPublisher();
    private final OutboxRelayService relay = new OutboxRelayService(queue, publisher);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void givenSeveralBatchesPending_whenStarted_thenAllPublishedInCommitOrderBeforeWaiting() {
        List<UUID> appended = appendEvents(450);

        startLoop(LONG_POLL, Duration.ofSeconds(5));

        await("all 450 are published", Duration.ofSeconds(5), () -> queue.pendingCount() == 0);
        assertEquals(appended, publisher.delivered());
        await("the loop waits", Duration.ofSeconds(5), () -> !queue.pendingAtEachWait().isEmpty());
        assertEquals(0, queue.pendingAtEachWait().getFirst(), "the loop waited only once the outbox was empty");
        assertTrue(publisher.attempts().size() >= 3, "450 events need three batches of at most 200");
    }

    @Test
    void givenEmptyOutbox_whenEventCommitted_thenNotificationWakesLoopLongBeforePollInterval() {
        startLoop(LONG_POLL, Duration.ofSeconds(5));
        await("the loop waits", Duration.ofSeconds(5), () -> !queue.pendingAtEachWait().isEmpty());

        long start = System.nanoTime();
        List<UUID> appended = appendEvents(1);

        await("the event is published", Duration.ofSeconds(5), () -> queue.pendingCount() == 0);
        assertEquals(appended, publisher.delivered());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void givenPublishFailsThreeTimes_whenRetrying_thenSameBatchResentWithGrowingPausesAndNothingLost() {
        publisher.failNext(3);
        List<UUID> appended = appendEvents(3);

        startLoop(LONG_POLL, Duration.ofSeconds(5));

        await("the batch is finally published", Duration.ofSeconds(5), () -> queue.pendingCount() == 0);
        List<ScriptedPublisher.Attempt> attempts = publisher.attempts();
        assertEquals(4, attempts.size());
        for (ScriptedPublisher.Attempt attempt : attempts) {
            assertEquals(appended, attempt.eventIds(), "every retry resends the same batch in the same order");
        }
        assertEquals(appended, publisher.delivered());
        assertEquals(List.of(1L, 2L, 3L), queue.publishedPositions());
        // Backoff doubles: at least 50, 100, 200 ms between attempts.
        for (int i = 1; i < attempts.size(); i++) {
            Duration gap = Duration.ofNanos(attempts.get(i).atNanos() - attempts.get(i - 1).atNanos());
            Duration expected = INITIAL_BACKOFF.multipliedBy(1L << (i - 1));
            assertTrue(gap.compareTo(expected) >= 0, "gap " + i + " was " + gap + ", expected at least " + expected);
        }
    }

    @Test
    void givenOutage_whenManyRetriesFail_thenOneWarningOnly() {
        List<LogRecord> warnings = captureWarnings();
        publisher.failNext(5);
        appendEvents(1);

        startLoop(LONG_POLL, Duration.ofMillis(100));

        await("the event is published", Duration.ofSeconds(5), () -> queue.pendingCount() == 0);
        assertEquals(6, publisher.attempts().size());
        synchronized (warnings) {
            assertEquals(1, warnings.size(), "one warning per outage, not per retry");
            assertTrue(warnings.getFirst().getMessage().contains("stay in the outbox"));
        }
    }

    @Test
    void givenBackingOff_whenClosed_thenStopsPromptlyAndRelaysNoMore() {
        publisher.failNext(Integer.MAX_VALUE);
        appendEvents(2);
        OutboxRelayLoop loop = startLoop(LONG_POLL, Duration.ofSeconds(10));
        await("it failed and backs off", Duration.ofSeconds(5), () -> publisher.attempts().size() >= 3);

        long start = System.nanoTime();
        loop.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(closing.compareTo(Duration.ofSeconds(2)) < 0, "close took " + closing);
        int attemptsAtClose = publisher.attempts().size();
        publisher.failNext(0);
        appendEvents(1);
        sleep(Duration.ofMillis(300));
        assertEquals(attemptsAtClose, publisher.attempts().size());
        assertEquals(3, queue.pendingCount(), "nothing was marked published");
    }

    @Test
    void givenWaitingForEvents_whenClosed_thenStops() {
        AtomicInteger calls = new AtomicInteger();
        OutboxRelayLoop loop = new OutboxRelayLoop(() -> {
            calls.incrementAndGet();
            return relay.relayOnce();
        }, queue, Duration.ofMillis(200), INITIAL_BACKOFF, Duration.ofSeconds(1)).start();
        await("it polled", Duration.ofSeconds(5), () -> calls.get() >= 2);

        loop.close();
        int callsAtClose = calls.get();
        sleep(Duration.ofMillis(500));

        assertEquals(callsAtClose, calls.get());
    }

    private OutboxRelayLoop startLoop(Duration pollInterval, Duration maxBackoff) {
        OutboxRelayLoop loop = new OutboxRelayLoop(relay, queue, pollInterval, INITIAL_BACKOFF, maxBackoff).start();
        toClose.add(loop);
        return loop;
    }

    private List<UUID> appendEvents(int count) {
        List<UUID> ids = new ArrayList<>();
        UserId user = UserId.random();
        for (int i = 0; i < count; i++) {
            SessionEvent event = SessionEvents.anyEvent(user);
            queue.append(event);
            ids.add(event.eventId());
        }
        return ids;
    }

    private List<LogRecord> captureWarnings() {
        Logger logger = Logger.getLogger(OutboxRelayLoop.class.getName());
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (warnings) {
                        warnings.add(record);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        toClose.add(() -> logger.removeHandler(handler));
        return warnings;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

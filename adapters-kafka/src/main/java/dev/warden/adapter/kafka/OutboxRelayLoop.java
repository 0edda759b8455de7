package dev.warden.adapter.kafka;

import dev.warden.application.port.in.RelayOutboxUseCase;
import dev.warden.application.port.out.EventPublisher.PublishFailed;
import dev.warden.application.port.out.OutboxQueue;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drives the outbox relay on a background thread: relays batches while any are pending, then
 * waits for a commit notification (or the poll interval). When Kafka or the database is away it
 * backs off exponentially and retries; the relay marks nothing it could not publish, so the same
 * batch is resent in the same order and nothing is lost. One WARNING per outage, not per retry.
 */
public final class OutboxRelayLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutboxRelayLoop.class.getName());

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

    private final RelayOutboxUseCase relay;
    private final OutboxQueue queue;
    private final Duration pollInterval;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    /** True only while waiting for events: the one moment close() may interrupt without harm. */
    private volatile boolean waiting;

    public OutboxRelayLoop(RelayOutboxUseCase relay, OutboxQueue queue) {
        this(relay, queue, DEFAULT_POLL_INTERVAL, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    /**
     * @param pollInterval   longest wait for a commit notification before looking anyway
     * @param initialBackoff first pause after a failure; doubled per failure up to maxBackoff
     */
    public OutboxRelayLoop(RelayOutboxUseCase relay, OutboxQueue queue, Duration pollInterval,
                           Duration initialBackoff, Duration maxBackoff) {
        this.relay = Objects.requireNonNull(relay, "relay");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.pollInterval = positive(pollInterval, "pollInterval");
        this.initialBackoff = positive(initialBackoff, "initialBackoff");
        this.maxBackoff = positive(maxBackoff, "maxBackoff");
        // A platform thread: interrupting a virtual thread would close the JDBC socket it waits on.
        this.thread = Thread.ofPlatform().daemon().name("warden-outbox-relay").unstarted(this::run);
    }

    /** Starts relaying; returns at once. */
    public OutboxRelayLoop start() {
        thread.start();
        return this;
    }

    private void run() {
        Duration backoff = initialBackoff;
        int failures = 0;
        while (running) {
            try {
                int relayed = relay.relayOnce();
                if (failures > 0) {
                    LOG.log(System.Logger.Level.INFO, "Outbox relay recovered after {0} failed attempt(s)", failures);
                    failures = 0;
                    backoff = initialBackoff;
                }
                if (relayed == 0) {
                    awaitNewEvents();
                }
            } catch (InterruptedException e) {
                // close() interrupted the wait; the loop condition ends it.
            } catch (RuntimeException e) {
                if (failures++ == 0) {
                    String what = e instanceof PublishFailed ? "Kafka did not acknowledge outbox events"
                            : "Reading or marking the outbox failed";
                    LOG.log(System.Logger.Level.WARNING, what + " (" + e.getMessage()
                            + "); they stay in the outbox and are retried, backing off up to " + maxBackoff);
                }
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private void awaitNewEvents() throws InterruptedException {
        waiting = true;
        try {
            // Re-checked after raising the flag, so close() either sees us waiting or we see it.
            if (running) {
                queue.awaitNewEvents(pollInterval);
            }
        } finally {
            waiting = false;
        }
    }

    private void pause(Duration duration) {
        try {
            stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // close() interrupts only to end the loop; running is false by then.
        }
    }

    /**
     * Stops the loop: a wait for events is interrupted at once; a batch in hand may finish
     * (bounded by the publisher's timeout), and is interrupted only if it takes too long.
     */
    @Override
    public void close() {
        running = false;
        stopped.countDown();
        if (!thread.isAlive()) {
            return;
        }
        if (waiting) {
            thread.interrupt();
        }
        try {
            thread.join(pollInterval.plusSeconds(15).toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return duration;
    }
}

package dev.warden.adapter.kafka;

import dev.warden.application.port.in.operations.RelayOutboxUseCase;
import dev.warden.application.port.out.EventPublisher.PublishFailed;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.application.support.BackgroundLoop;
import java.time.Duration;
import java.util.Objects;

/**
 * Drives the outbox relay on a {@link BackgroundLoop}: relays batches while any are pending, then
 * waits for a commit notification (or the poll interval). When Kafka or the database is away it
 * backs off exponentially and retries; the relay marks nothing it could not publish, so the same
 * batch is resent in the same order and nothing is lost. One WARNING per outage, not per retry.
 */
public final class OutboxRelayLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutboxRelayLoop.class.getName());

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

    private final BackgroundLoop loop;

    public OutboxRelayLoop(RelayOutboxUseCase relay, OutboxQueue queue) {
        this(relay, queue, DEFAULT_POLL_INTERVAL, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    /**
     * @param pollInterval   longest wait for a commit notification before looking anyway
     * @param initialBackoff first pause after a failure; doubled per failure up to maxBackoff
     */
    public OutboxRelayLoop(RelayOutboxUseCase relay, OutboxQueue queue, Duration pollInterval,
                           Duration initialBackoff, Duration maxBackoff) {
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(queue, "queue");
        this.loop = BackgroundLoop.named("warden-outbox-relay").logTo(LOG)
                .restingOn(queue::awaitNewEvents, pollInterval)
                .retryAfter(initialBackoff, maxBackoff)
                .describeFailures(e -> (e instanceof PublishFailed ? "Kafka did not acknowledge outbox events"
                        : "Reading or marking the outbox failed") + " (" + e.getMessage()
                        + "); they stay in the outbox")
                // A batch in hand may finish (bounded by the publisher's timeout) before close() interrupts it.
                .stopTimeout(pollInterval.plusSeconds(15))
                .build(() -> relay.relayOnce() > 0);
    }

    /** Starts relaying; returns at once. */
    public OutboxRelayLoop start() {
        loop.start();
        return this;
    }

    /**
     * Stops the loop: a wait for events is interrupted at once; a batch in hand may finish
     * (bounded by the publisher's timeout), and is interrupted only if it takes too long.
     */
    @Override
    public void close() {
        loop.close();
    }
}

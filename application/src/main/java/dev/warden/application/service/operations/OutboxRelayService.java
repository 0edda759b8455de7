package dev.warden.application.service.operations;

import dev.warden.application.port.in.operations.RelayOutboxUseCase;
import dev.warden.application.port.out.EventPublisher;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.application.port.out.OutboxQueue.PendingEvent;
import dev.warden.application.port.out.WardenMetrics;
import java.util.List;

/**
 * At-least-once delivery from the outbox: publish a batch in commit order, and mark it published
 * only after the broker acknowledged all of it. A failure leaves the batch pending, so the next
 * attempt resends it from its first event and no user's events are reordered.
 */
public final class OutboxRelayService implements RelayOutboxUseCase {
    static final int BATCH_SIZE = 200;

    private final OutboxQueue queue;
    private final EventPublisher publisher;
    private final WardenMetrics metrics;

    public OutboxRelayService(OutboxQueue queue, EventPublisher publisher) {
        this(queue, publisher, WardenMetrics.NONE);
    }

    /** @param metrics counts the events the broker acknowledged (a batch resent after a failure counts again) */
    public OutboxRelayService(OutboxQueue queue, EventPublisher publisher, WardenMetrics metrics) {
        this.queue = queue;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Override
    public int relayOnce() {
        List<PendingEvent> pending = queue.oldestUnpublished(BATCH_SIZE);
        if (pending.isEmpty()) {
            return 0;
        }
        publisher.publishAll(pending.stream().map(PendingEvent::event).toList());
        metrics.eventsPublished(pending.size());
        queue.markPublished(pending.stream().map(PendingEvent::position).toList());
        return pending.size();
    }
}

package dev.warden.application.port.out;

import dev.warden.domain.OutboxEvent;
import java.time.Duration;
import java.util.List;

/**
 * The relay's view of the outbox: committed events not yet published, oldest first. One user's
 * events are in their commit order, which keeps them in order downstream.
 */
public interface OutboxQueue {
    /** @param position the outbox's own increasing sequence number, to mark the event published */
    record PendingEvent(long position, OutboxEvent event) {
    }

    /**
     * The oldest pending events, for the one relay: when several service instances share the
     * outbox, only the instance holding the relay lease gets them (the others get none until it
     * stops), so no two relays publish the same user's events in different orders.
     */
    List<PendingEvent> oldestUnpublished(int max);

    /** Called only after the broker acknowledged every one of them. */
    void markPublished(List<Long> positions);

    /**
     * Waits until a new event may have been committed (a notification), or the timeout passes.
     *
     * @return true when woken by a notification
     */
    boolean awaitNewEvents(Duration timeout) throws InterruptedException;
}

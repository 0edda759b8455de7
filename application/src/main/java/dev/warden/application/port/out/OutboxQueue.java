package dev.warden.application.port.out;

import dev.warden.domain.SessionEvent;
import java.time.Duration;
import java.util.List;

/**
 * The relay's view of the outbox: committed events not yet published, oldest first. Events keep
 * their commit order, which keeps each user's events in order downstream.
 */
public interface OutboxQueue {
    /** @param position the outbox's own increasing sequence number, to mark the event published */
    record PendingEvent(long position, SessionEvent event) {
    }

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

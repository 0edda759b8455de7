package dev.warden.application.fakes;

import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.domain.SessionEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The outbox and the relay's queue over it, for use-case tests. Published rows stay (with the
 * clock's time of publishing) until {@link #removePublishedBefore} deletes them.
 */
public final class InMemoryOutbox implements EventOutbox, OutboxQueue {
    private final TreeMap<Long, SessionEvent> unpublished = new TreeMap<>();
    private final TreeMap<Long, Instant> publishedAt = new TreeMap<>();
    private final List<SessionEvent> all = new ArrayList<>();
    private final Clock clock;
    private long nextPosition = 1;

    public InMemoryOutbox() {
        this(Clock.systemUTC());
    }

    /** @param clock when {@link #markPublished} says a row was published */
    public InMemoryOutbox(Clock clock) {
        this.clock = clock;
    }

    public synchronized List<SessionEvent> events() {
        return List.copyOf(all);
    }

    public synchronized int pendingCount() {
        return unpublished.size();
    }

    /** Rows still in the outbox, published or not. */
    public synchronized int storedCount() {
        return unpublished.size() + publishedAt.size();
    }

    /** Deletes at most {@code max} rows published before {@code cutoff}, oldest first. */
    public synchronized int removePublishedBefore(Instant cutoff, int max) {
        List<Long> due = publishedAt.entrySet().stream().filter(e -> e.getValue().isBefore(cutoff))
                .map(java.util.Map.Entry::getKey).limit(max).toList();
        due.forEach(publishedAt::remove);
        return due.size();
    }

    @Override
    public synchronized void append(SessionEvent event) {
        all.add(event);
        unpublished.put(nextPosition++, event);
    }

    @Override
    public synchronized List<PendingEvent> oldestUnpublished(int max) {
        return unpublished.entrySet().stream().limit(max)
                .map(e -> new PendingEvent(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized void markPublished(List<Long> positions) {
        Instant now = clock.instant();
        for (Long position : positions) {
            if (unpublished.remove(position) != null) {
                publishedAt.put(position, now);
            }
        }
    }

    @Override
    public boolean awaitNewEvents(Duration timeout) {
        return false;
    }
}

package dev.warden.application.fakes;

import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.SessionEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outbox and the relay's queue over it, for use-case tests. Published rows stay (with the
 * clock's time of publishing) until {@link #removePublishedBefore} deletes them.
 */
public final class InMemoryOutbox implements EventOutbox, OutboxQueue {
    private final TreeMap<Long, OutboxEvent> unpublished = new TreeMap<>();
    private final TreeMap<Long, Instant> publishedAt = new TreeMap<>();
    private final List<OutboxEvent> all = new ArrayList<>();
    private final Clock clock;
    private long nextPosition = 1;

    public InMemoryOutbox() {
        this(Clock.systemUTC());
    }

    /** @param clock when {@link #markPublished} says a row was published */
    public InMemoryOutbox(Clock clock) {
        this.clock = clock;
    }

    /** Every event appended, of every kind, in order. */
    public synchronized List<OutboxEvent> all() {
        return List.copyOf(all);
    }

    /** The session events appended, in order. */
    public synchronized List<SessionEvent> events() {
        return all.stream().filter(SessionEvent.class::isInstance).map(SessionEvent.class::cast).toList();
    }

    /** The account events appended, in order. */
    public synchronized List<AccountEvent> accountEvents() {
        return all.stream().filter(AccountEvent.class::isInstance).map(AccountEvent.class::cast).toList();
    }

    public synchronized List<AccountEvent> accountEvents(AccountEvent.Type type) {
        return accountEvents().stream().filter(e -> e.type() == type).toList();
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
                .map(Map.Entry::getKey).limit(max).toList();
        due.forEach(publishedAt::remove);
        return due.size();
    }

    @Override
    public synchronized void append(OutboxEvent event) {
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

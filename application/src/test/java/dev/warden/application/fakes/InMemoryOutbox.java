package dev.warden.application.fakes;

import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.SessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The outbox and the relay's queue over it, for use-case tests. */
public final class InMemoryOutbox implements EventOutbox, OutboxQueue {
    private final TreeMap<Long, OutboxEvent> unpublished = new TreeMap<>();
    private final List<OutboxEvent> all = new ArrayList<>();
    private long nextPosition = 1;

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
        positions.forEach(unpublished::remove);
    }

    @Override
    public boolean awaitNewEvents(Duration timeout) {
        return false;
    }
}

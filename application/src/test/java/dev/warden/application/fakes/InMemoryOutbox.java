package dev.warden.application.fakes;

import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.domain.SessionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The outbox and the relay's queue over it, for use-case tests. */
public final class InMemoryOutbox implements EventOutbox, OutboxQueue {
    private final TreeMap<Long, SessionEvent> unpublished = new TreeMap<>();
    private final List<SessionEvent> all = new ArrayList<>();
    private long nextPosition = 1;

    public synchronized List<SessionEvent> events() {
        return List.copyOf(all);
    }

    public synchronized int pendingCount() {
        return unpublished.size();
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
        positions.forEach(unpublished::remove);
    }

    @Override
    public boolean awaitNewEvents(Duration timeout) {
        return false;
    }
}

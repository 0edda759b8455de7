package dev.warden.application.fakes;

import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.OperationalCounts.OutboxBacklog;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.application.port.out.SsfFanOutQueue;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.RiskChange;
import dev.warden.domain.SessionEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The outbox and the relay's and the Shared Signals fan-out's queues over it, for use-case, relay and
 * fan-out tests; keeps the {@link EventOutbox}, {@link OutboxQueue} and {@link SsfFanOutQueue} contracts. An append wakes a waiting relay once its
 * transaction commits, as PostgreSQL's NOTIFY does. Published rows stay (with the clock's time of
 * publishing) until {@link #removePublishedBefore} deletes them.
 */
public final class InMemoryOutbox implements EventOutbox, OutboxQueue, SsfFanOutQueue {
    private record Row(OutboxEvent event, Instant writtenAt) {
    }

    private final TreeMap<Long, Row> unpublished = new TreeMap<>();
    private final TreeMap<Long, Instant> publishedAt = new TreeMap<>();
    private final List<OutboxEvent> all = new ArrayList<>();
    private final Map<UUID, Boolean> fannedOut = new HashMap<>();
    private final Map<UUID, RiskChange> riskChanges = new java.util.LinkedHashMap<>();
    private final List<Long> published = new ArrayList<>();
    private final List<Integer> pendingAtEachWait = new ArrayList<>();
    private final Clock clock;
    private final InMemoryTransactions transactions;
    private long nextPosition = 1;
    private boolean notified;

    /** An outbox of its own, outside any transaction: every append wakes the relay at once. */
    public InMemoryOutbox() {
        this(Clock.systemUTC(), new InMemoryTransactions());
    }

    /** @param clock when a row was written and when {@link #markPublished} says it was published */
    public InMemoryOutbox(Clock clock, InMemoryTransactions transactions) {
        this.clock = clock;
        this.transactions = transactions;
        transactions.enlist(this, unpublished);
        transactions.enlist(this, publishedAt);
        transactions.enlist(this, all);
        transactions.enlist(this, fannedOut);
        transactions.enlist(this, riskChanges);
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

    /** Every position marked published, in the order marked. */
    public synchronized List<Long> publishedPositions() {
        return List.copyOf(published);
    }

    /** How many events were pending each time the relay began to wait: it should wait only when none are. */
    public synchronized List<Integer> pendingAtEachWait() {
        return List.copyOf(pendingAtEachWait);
    }

    /** As the operational figures read it. */
    public synchronized OutboxBacklog backlog() {
        return new OutboxBacklog(unpublished.size(),
                unpublished.isEmpty() ? Optional.empty() : Optional.of(unpublished.firstEntry().getValue().writtenAt()));
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
        unpublished.put(nextPosition++, new Row(event, clock.instant()));
        transactions.afterCommit(this::wakeRelay);
    }

    private synchronized void wakeRelay() {
        notified = true;
        notifyAll();
    }

    @Override
    public synchronized List<PendingEvent> oldestUnpublished(int max) {
        return unpublished.entrySet().stream().limit(max)
                .map(e -> new PendingEvent(e.getKey(), e.getValue().event())).toList();
    }

    @Override
    public synchronized void markPublished(List<Long> positions) {
        Instant now = clock.instant();
        for (Long position : positions) {
            if (unpublished.remove(position) != null) {
                publishedAt.put(position, now);
                published.add(position);
            }
        }
    }

    /** One transaction at a time here, so nothing is held: every event not yet marked, oldest first. */
    @Override
    public synchronized List<OutboxEvent> claimNotFannedOut(int max) {
        return all.stream().filter(e -> !fannedOut.containsKey(e.eventId())).limit(max).toList();
    }

    @Override
    public synchronized void markFannedOut(Collection<UUID> eventIds) {
        Set<UUID> known = all.stream().map(OutboxEvent::eventId).collect(java.util.stream.Collectors.toSet());
        eventIds.stream().filter(known::contains).forEach(id -> fannedOut.put(id, true));
    }

    /** Knows no streams, so keeps every risk change (the port allows dropping, never requires it). */
    @Override
    public synchronized void appendRiskChange(RiskChange change) {
        riskChanges.putIfAbsent(change.eventId(), change);
    }

    @Override
    public synchronized List<RiskChange> claimRiskChanges(int max) {
        return riskChanges.values().stream().limit(max).toList();
    }

    @Override
    public synchronized void removeRiskChanges(Collection<UUID> eventIds) {
        eventIds.forEach(riskChanges::remove);
    }

    @Override
    public synchronized boolean awaitNewEvents(Duration timeout) throws InterruptedException {
        pendingAtEachWait.add(unpublished.size());
        long deadline = System.nanoTime() + timeout.toNanos();
        long left = timeout.toNanos();
        while (!notified && left > 0) {
            wait(Math.max(1, left / 1_000_000));
            left = deadline - System.nanoTime();
        }
        boolean woken = notified;
        notified = false;
        return woken;
    }
}

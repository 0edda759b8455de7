package dev.warden.application.fakes;

import dev.warden.application.port.out.SsfStreams;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SsfQueuedEvent;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamId;
import dev.warden.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Streams, their subjects and their queues in maps, for use-case tests; keeps the {@link SsfStreams} contract. */
public final class InMemorySsfStreams implements SsfStreams {
    private final Map<SsfStreamId, SsfStream> streams = new LinkedHashMap<>();
    /** "streamId userId" to whether the user is included. */
    private final Map<String, Boolean> subjects = new LinkedHashMap<>();
    /** "streamId jti" to the event, in queueing order. */
    private final Map<String, SsfQueuedEvent> queue = new LinkedHashMap<>();

    public InMemorySsfStreams(InMemoryTransactions transactions) {
        transactions.enlist(this, streams);
        transactions.enlist(this, subjects);
        transactions.enlist(this, queue);
    }

    @Override
    public synchronized void insert(SsfStream stream) {
        if (streams.putIfAbsent(stream.id(), stream) != null) {
            throw new IllegalStateException("duplicate stream id " + stream.id());
        }
    }

    @Override
    public synchronized Optional<SsfStream> find(SsfStreamId id) {
        return Optional.ofNullable(streams.get(id));
    }

    @Override
    public synchronized List<SsfStream> listOf(ReceiverClientId clientId) {
        return listAll().stream().filter(s -> s.clientId().equals(clientId)).toList();
    }

    @Override
    public synchronized List<SsfStream> listAll() {
        return streams.values().stream()
                .sorted(Comparator.comparing(SsfStream::createdAt).thenComparing(s -> s.id().value())).toList();
    }

    @Override
    public synchronized void update(SsfStream stream) {
        SsfStream current = streams.get(stream.id());
        if (current != null) {
            // What only deliveries write stays as the store has it, as the database adapter keeps it.
            streams.put(stream.id(), new SsfStream(stream.id(), current.clientId(), stream.description(),
                    stream.delivery(), stream.eventsRequested(), stream.status(), stream.statusReason(),
                    current.createdAt(), stream.lastVerificationAt(), current.lastDeliveredAt(), current.lastError()));
        }
    }

    @Override
    public synchronized boolean delete(SsfStreamId id) {
        String prefix = id + " ";
        subjects.keySet().removeIf(k -> k.startsWith(prefix));
        queue.keySet().removeIf(k -> k.startsWith(prefix));
        return streams.remove(id) != null;
    }

    @Override
    public synchronized void setSubject(SsfStreamId id, UserId user, boolean included) {
        if (streams.containsKey(id)) {
            subjects.put(id + " " + user.value(), included);
        }
    }

    @Override
    public synchronized List<UserId> excludedSubjects(SsfStreamId id) {
        String prefix = id + " ";
        return subjects.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && !e.getValue())
                .map(e -> new UserId(java.util.UUID.fromString(e.getKey().substring(prefix.length())))).toList();
    }

    @Override
    public synchronized void enqueue(SsfStreamId id, SsfQueuedEvent event) {
        if (streams.containsKey(id)) {
            queue.putIfAbsent(id + " " + event.jti(), event);
        }
    }

    @Override
    public synchronized List<SsfQueuedEvent> queued(SsfStreamId id, int limit) {
        String prefix = id + " ";
        return queue.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .limit(limit).toList();
    }

    @Override
    public synchronized long pending(SsfStreamId id) {
        return queued(id, Integer.MAX_VALUE).size();
    }

    @Override
    public synchronized int remove(SsfStreamId id, Collection<String> jtis) {
        int removed = 0;
        for (String jti : new ArrayList<>(jtis)) {
            removed += queue.remove(id + " " + jti) == null ? 0 : 1;
        }
        return removed;
    }

    @Override
    public synchronized void clear(SsfStreamId id) {
        String prefix = id + " ";
        queue.keySet().removeIf(k -> k.startsWith(prefix));
    }

    @Override
    public synchronized void recordDelivered(SsfStreamId id, Instant at) {
        streams.computeIfPresent(id, (k, s) -> new SsfStream(s.id(), s.clientId(), s.description(), s.delivery(),
                s.eventsRequested(), s.status(), s.statusReason(), s.createdAt(), s.lastVerificationAt(), at,
                s.lastError()));
    }

    @Override
    public synchronized void recordError(SsfStreamId id, String error) {
        streams.computeIfPresent(id, (k, s) -> new SsfStream(s.id(), s.clientId(), s.description(), s.delivery(),
                s.eventsRequested(), s.status(), s.statusReason(), s.createdAt(), s.lastVerificationAt(),
                s.lastDeliveredAt(), error));
    }
}

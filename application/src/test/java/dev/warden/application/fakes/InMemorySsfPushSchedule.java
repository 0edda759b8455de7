package dev.warden.application.fakes;

import dev.warden.application.port.out.SsfPushSchedule;
import dev.warden.domain.SsfDelivery;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamId;
import dev.warden.domain.SsfStreamStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The push schedule beside {@link InMemorySsfStreams}; keeps the {@link SsfPushSchedule} contract. */
public final class InMemorySsfPushSchedule implements SsfPushSchedule {
    private record State(Instant nextAttemptAt, int failures, String holder, Instant leaseUntil) {
    }

    private static final State NONE = new State(null, 0, null, null);

    private final InMemorySsfStreams streams;
    private final Map<SsfStreamId, State> states = new HashMap<>();

    public InMemorySsfPushSchedule(InMemorySsfStreams streams) {
        this.streams = streams;
    }

    @Override
    public synchronized Optional<Claim> claimDue(String holder, Instant now, Instant leaseUntil) {
        Optional<SsfStream> due = streams.listAll().stream()
                .filter(s -> s.delivery().method() == SsfDelivery.Method.PUSH && s.status() == SsfStreamStatus.ENABLED)
                .filter(s -> streams.pending(s.id()) > 0)
                .filter(s -> {
                    State state = state(s.id());
                    return (state.leaseUntil() == null || !state.leaseUntil().isAfter(now))
                            && (state.nextAttemptAt() == null || !state.nextAttemptAt().isAfter(now));
                })
                .min(Comparator.comparing((SsfStream s) -> state(s.id()).nextAttemptAt(),
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(s -> s.id().value()));
        return due.map(s -> {
            State state = state(s.id());
            states.put(s.id(), new State(state.nextAttemptAt(), state.failures(), holder, leaseUntil));
            return new Claim(s.id(), state.failures());
        });
    }

    @Override
    public synchronized boolean release(SsfStreamId stream, String holder, Instant nextAttemptAt, int failures) {
        State state = state(stream);
        if (!holder.equals(state.holder()) || streams.find(stream).isEmpty()) {
            return false;
        }
        states.put(stream, new State(nextAttemptAt, failures, null, null));
        return true;
    }

    @Override
    public synchronized long trimPausedQueues(Instant queuedBefore, long keepAtMost) {
        long dropped = 0;
        for (SsfStream stream : streams.listAll()) {
            if (stream.status() != SsfStreamStatus.PAUSED) {
                continue;
            }
            java.util.List<dev.warden.domain.SsfQueuedEvent> queued = streams.queued(stream.id(), Integer.MAX_VALUE);
            java.util.List<String> drop = new java.util.ArrayList<>();
            for (int i = 0; i < queued.size(); i++) {
                if (queued.get(i).queuedAt().isBefore(queuedBefore) || i < queued.size() - keepAtMost) {
                    drop.add(queued.get(i).jti());
                }
            }
            dropped += streams.remove(stream.id(), drop);
        }
        return dropped;
    }

    @Override
    public synchronized long pendingTotal() {
        return streams.listAll().stream().mapToLong(s -> streams.pending(s.id())).sum();
    }

    /** When the stream is next tried; empty when whenever it has something. */
    public synchronized Optional<Instant> nextAttemptAt(SsfStreamId stream) {
        return Optional.ofNullable(state(stream).nextAttemptAt());
    }

    private State state(SsfStreamId id) {
        return states.getOrDefault(id, NONE);
    }
}

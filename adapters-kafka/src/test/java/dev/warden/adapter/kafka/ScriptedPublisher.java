package dev.warden.adapter.kafka;

import dev.warden.application.port.out.EventPublisher;
import dev.warden.domain.OutboxEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Records every attempted batch; fails the first N attempts, or while told to. */
final class ScriptedPublisher implements EventPublisher {
    record Attempt(long atNanos, List<UUID> eventIds, boolean failed) {
    }

    private final List<Attempt> attempts = new ArrayList<>();
    private final List<UUID> delivered = new ArrayList<>();
    private int failuresLeft;

    synchronized void failNext(int attempts) {
        failuresLeft = attempts;
    }

    @Override
    public synchronized void publishAll(List<OutboxEvent> events) {
        List<UUID> ids = events.stream().map(OutboxEvent::eventId).toList();
        boolean fail = failuresLeft > 0;
        attempts.add(new Attempt(System.nanoTime(), ids, fail));
        if (fail) {
            failuresLeft--;
            throw new PublishFailed("broker unreachable (scripted)", null);
        }
        delivered.addAll(ids);
    }

    synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    synchronized List<UUID> delivered() {
        return List.copyOf(delivered);
    }
}

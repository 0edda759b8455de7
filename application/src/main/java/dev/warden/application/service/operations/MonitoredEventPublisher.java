package dev.warden.application.service.operations;

import dev.warden.application.port.in.operations.OperationalFiguresQuery.PublishFailure;
import dev.warden.application.port.in.operations.OperationalFiguresQuery.Relay;
import dev.warden.application.port.out.EventPublisher;
import dev.warden.application.port.out.WardenMetrics;
import dev.warden.application.service.Now;
import dev.warden.domain.OutboxEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The relay's publisher, watched: remembers when the broker last acknowledged a batch and the last
 * attempt it did not (why and when), and counts the failed attempts, so that an operator sees from
 * the management port alone that the relay cannot publish. Everything is in memory: the relay
 * thread writes, health requests and scrapes read.
 */
public final class MonitoredEventPublisher implements EventPublisher {
    private final EventPublisher publisher;
    private final WardenMetrics metrics;
    private final Clock clock;
    private final AtomicReference<Relay> status = new AtomicReference<>(Relay.NOTHING_YET);

    public MonitoredEventPublisher(EventPublisher publisher, WardenMetrics metrics, Clock clock) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void publishAll(List<OutboxEvent> events) {
        try {
            publisher.publishAll(events);
        } catch (PublishFailed e) {
            PublishFailure failure = new PublishFailure(Now.of(clock), String.valueOf(e.getMessage()));
            status.updateAndGet(last -> new Relay(last.lastPublishedAt(), Optional.of(failure),
                    last.failuresSinceLastPublish() + 1));
            metrics.eventsPublishFailed();
            throw e;
        }
        Instant now = Now.of(clock);
        status.updateAndGet(last -> new Relay(Optional.of(now), last.lastFailure(), 0));
    }

    /** What the relay achieved so far. */
    public Relay status() {
        return status.get();
    }
}

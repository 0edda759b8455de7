package dev.warden.application.port.out;

import dev.warden.domain.OutboxEvent;
import java.util.List;

/** Publishes outbox events to the message broker, each kind to its own topic. */
public interface EventPublisher {
    /**
     * Publishes all of them in order, returning only when the broker acknowledged every one.
     *
     * @throws PublishFailed when the broker is unreachable or refused; nothing may be assumed sent
     */
    void publishAll(List<OutboxEvent> events);

    /** The broker did not acknowledge; the events stay in the outbox and are retried. */
    final class PublishFailed extends RuntimeException {
        public PublishFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

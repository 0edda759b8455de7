package dev.warden.application.port.in.operations;

/** Moves committed events (session and account events) from the outbox to the broker. */
public interface RelayOutboxUseCase {
    /**
     * Publishes the oldest pending events, one batch.
     *
     * @return how many were published; 0 when none were pending
     * @throws dev.warden.application.port.out.EventPublisher.PublishFailed when the broker is down;
     *         nothing is marked published, so the batch is retried in the same order later
     */
    int relayOnce();
}

package dev.warden.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An event that leaves the service through the transactional outbox: written in the transaction of
 * the change it describes, published later. Each kind goes to its own topic; all are keyed by the
 * user they concern, so one user's events stay in order.
 */
public sealed interface OutboxEvent permits SessionEvent, AccountEvent {
    /** Fixed when the event is written, so every redelivery carries the same id. */
    UUID eventId();

    /** The user the event concerns: the record key. */
    UserId userId();

    Instant occurredAt();
}

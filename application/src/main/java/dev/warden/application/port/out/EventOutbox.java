package dev.warden.application.port.out;

import dev.warden.domain.OutboxEvent;

/**
 * Events waiting to be published: session events and account events. Appended inside the
 * transaction of the change they describe, so an event exists exactly when its change committed; a
 * relay publishes them later, each to its topic.
 */
public interface EventOutbox {
    void append(OutboxEvent event);
}

package dev.warden.application.port.out;

import dev.warden.domain.SessionEvent;

/**
 * Session events waiting to be published. Appended inside the transaction of the change they
 * describe, so an event exists exactly when its change committed; a relay publishes them later.
 */
public interface EventOutbox {
    void append(SessionEvent event);
}

package dev.warden.adapter.kafka;

import dev.warden.domain.ClientDescription;
import dev.warden.domain.SessionEvent;
import dev.warden.events.ClientData;
import dev.warden.events.CloudEvent;
import dev.warden.events.EventJson;
import dev.warden.events.EventTopics;
import dev.warden.events.SessionEventData;

/**
 * Encodes a {@link SessionEvent} as a CloudEvents 1.0 JSON record value for
 * {@link EventTopics#SESSION_EVENTS}, keyed by user id so each user's events share a partition.
 */
public final class SessionEventCloudEvents {
    private SessionEventCloudEvents() {
    }

    /** The record key: the user id, which keeps one user's events in order. */
    public static String key(SessionEvent event) {
        return event.userId().toString();
    }

    /** The record value; {@code id} is the event id, so every redelivery carries the same one. */
    public static String encode(SessionEvent event) {
        SessionEventData data = SessionEventData.started(event.sessionId().toString(), event.userId().toString(),
                event.username(), event.ipAddress(), event.userAgent(), client(event.client()), event.createdAt(),
                event.expiresAt());
        if (event.isEnd()) {
            data = data.ended(event.reason().name(), event.actorId() == null ? null : event.actorId().toString(),
                    event.endedAt());
        }
        return EventJson.write(CloudEvent.emit(event.eventId().toString(), event.type().cloudEventType(),
                event.occurredAt(), event.sessionId().toString(), data));
    }

    /** The created event's client, with the device type as the contract spells it; null for an end. */
    private static ClientData client(ClientDescription client) {
        return client == null ? null : new ClientData(client.browser(), client.browserVersion(), client.os(),
                client.osVersion(), client.deviceType().wireName());
    }
}

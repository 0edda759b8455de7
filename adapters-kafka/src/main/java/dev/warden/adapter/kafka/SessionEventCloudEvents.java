package dev.warden.adapter.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.domain.SessionEvent;
import java.time.Instant;

/**
 * Encodes a {@link SessionEvent} as a CloudEvents 1.0 JSON record value for
 * {@link KafkaTopics#SESSION_EVENTS}, keyed by user id so each user's events share a partition.
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
        ObjectNode root = CloudEvents.JSON.createObjectNode();
        root.put("specversion", CloudEvents.SPEC_VERSION);
        root.put("id", event.eventId().toString());
        root.put("source", CloudEvents.SOURCE);
        root.put("type", event.type().cloudEventType());
        root.put("time", time(event.occurredAt()));
        root.put("subject", event.sessionId().toString());
        root.put("datacontenttype", CloudEvents.CONTENT_TYPE);
        ObjectNode data = root.putObject("data");
        data.put("sessionId", event.sessionId().toString());
        data.put("userId", event.userId().toString());
        data.put("username", event.username());
        data.put("ipAddress", event.ipAddress());
        data.put("userAgent", event.userAgent());
        data.put("createdAt", time(event.createdAt()));
        data.put("expiresAt", time(event.expiresAt()));
        if (event.isEnd()) {
            data.put("reason", event.reason().name());
            // Explicit null: expiries (and unknown actors) have nobody who ended the session.
            data.put("actorId", event.actorId() == null ? null : event.actorId().toString());
            data.put("endedAt", time(event.endedAt()));
        }
        try {
            return CloudEvents.JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree of strings cannot fail to serialise", e);
        }
    }

    /** ISO-8601 UTC, as everywhere in the contract. */
    private static String time(Instant instant) {
        return instant.toString();
    }
}

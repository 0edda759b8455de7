package dev.warden.adapter.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.domain.AccountEvent;

/**
 * Encodes an {@link AccountEvent} as a CloudEvents 1.0 JSON record value for
 * {@link KafkaTopics#ACCOUNT_EVENTS}, keyed by user id: {@code subject} is the user id, {@code time}
 * and {@code data.at} when it happened, {@code data.role} only where the role was set.
 */
public final class AccountEventCloudEvents {
    private AccountEventCloudEvents() {
    }

    /** The record key: the user id, which keeps one user's events in order. */
    public static String key(AccountEvent event) {
        return event.userId().toString();
    }

    /** The record value; {@code id} is the event id, so every redelivery carries the same one. */
    public static String encode(AccountEvent event) {
        ObjectNode root = CloudEvents.JSON.createObjectNode();
        root.put("specversion", CloudEvents.SPEC_VERSION);
        root.put("id", event.eventId().toString());
        root.put("source", CloudEvents.SOURCE);
        root.put("type", event.type().cloudEventType());
        root.put("time", event.occurredAt().toString());
        root.put("subject", event.userId().toString());
        root.put("datacontenttype", CloudEvents.CONTENT_TYPE);
        ObjectNode data = root.putObject("data");
        data.put("userId", event.userId().toString());
        data.put("username", event.username());
        // Explicit null: a lock caused by failed logins (or the first owner) has no actor.
        data.put("actorId", event.actorId() == null ? null : event.actorId().toString());
        data.put("at", event.occurredAt().toString());
        if (event.role() != null) {
            data.put("role", event.role().name());
        }
        try {
            return CloudEvents.JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree of strings cannot fail to serialise", e);
        }
    }
}

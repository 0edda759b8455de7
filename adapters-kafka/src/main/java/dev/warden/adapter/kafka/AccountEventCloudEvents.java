package dev.warden.adapter.kafka;

import dev.warden.domain.AccountEvent;
import dev.warden.events.AccountEventData;
import dev.warden.events.CloudEvent;
import dev.warden.events.EventJson;
import dev.warden.events.EventTopics;

/**
 * Encodes an {@link AccountEvent} as a CloudEvents 1.0 JSON record value for
 * {@link EventTopics#ACCOUNT_EVENTS}, keyed by user id: {@code subject} is the user id, {@code time}
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
        // A lock caused by failed logins (or the first owner) has no actor: an explicit null.
        AccountEventData data = new AccountEventData(event.userId().toString(), event.username(),
                event.actorId() == null ? null : event.actorId().toString(), event.occurredAt(),
                event.role() == null ? null : event.role().name());
        return EventJson.write(CloudEvent.emit(event.eventId().toString(), event.type().cloudEventType(),
                event.occurredAt(), event.userId().toString(), data));
    }
}

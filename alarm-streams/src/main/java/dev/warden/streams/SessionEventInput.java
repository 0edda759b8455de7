package dev.warden.streams;

import dev.warden.domain.SessionEvent;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.UserId;
import dev.warden.events.CloudEvent;
import dev.warden.events.SessionEventData;
import java.time.Instant;
import java.util.Objects;

/**
 * A session event from {@value dev.warden.events.EventTopics#SESSION_EVENTS} that has been checked: known type,
 * canonical ids, the fields its type needs, and a record key equal to its user id (the store is
 * per key, so a mismatch would put the session into another user's state).
 *
 * @param time     the event's CloudEvents time, or the record timestamp when it has none
 * @param actorId  null when nobody is named (expiries)
 * @param reason   null for CREATED
 * @param endedAt  null for CREATED
 */
record SessionEventInput(
        String eventId,
        SessionEvent.Type type,
        Instant time,
        SessionId sessionId,
        UserId userId,
        String username,
        String ipAddress,
        Instant expiresAt,
        TerminationReason reason,
        UserId actorId,
        Instant endedAt) {

    /** Why a record was skipped; the message names fields, never values. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    boolean isEnd() {
        return type != SessionEvent.Type.CREATED;
    }

    static SessionEventInput parse(String key, CloudEvent<SessionEventData> event, Instant recordTime) throws Invalid {
        Objects.requireNonNull(event, "event");
        if (isBlank(event.id())) {
            throw new Invalid("id is missing");
        }
        SessionEvent.Type type = type(event.type());
        SessionEventData data = event.data();
        if (data == null) {
            throw new Invalid("data is missing");
        }
        SessionId sessionId = parse(() -> SessionId.parse(data.sessionId()));
        UserId userId = parse(() -> UserId.parse(data.userId()));
        if (key == null || !key.equalsIgnoreCase(userId.toString())) {
            throw new Invalid("record key is not data.userId");
        }
        require(!isBlank(data.username()), "data.username");
        require(data.expiresAt() != null, "data.expiresAt");
        Instant time = event.time() != null ? event.time() : recordTime;
        if (type == SessionEvent.Type.CREATED) {
            require(!isBlank(data.ipAddress()), "data.ipAddress");
            return new SessionEventInput(event.id(), type, time, sessionId, userId, data.username(),
                    data.ipAddress(), data.expiresAt(), null, null, null);
        }
        TerminationReason reason = reason(data.reason());
        if ((type == SessionEvent.Type.EXPIRED) != reason.isExpiry()) {
            throw new Invalid("data.reason does not match the event type");
        }
        require(data.endedAt() != null, "data.endedAt");
        UserId actorId = data.actorId() == null ? null : parse(() -> UserId.parse(data.actorId()));
        return new SessionEventInput(event.id(), type, time, sessionId, userId, data.username(),
                data.ipAddress(), data.expiresAt(), reason, actorId, data.endedAt());
    }

    private static SessionEvent.Type type(String text) throws Invalid {
        for (SessionEvent.Type type : SessionEvent.Type.values()) {
            if (type.cloudEventType().equals(text)) {
                return type;
            }
        }
        throw new Invalid("type is not a session event type");
    }

    private static TerminationReason reason(String text) throws Invalid {
        try {
            return TerminationReason.valueOf(Objects.requireNonNull(text));
        } catch (RuntimeException e) {
            throw new Invalid("data.reason is missing or unknown");
        }
    }

    private interface IdParser<T> {
        T parse();
    }

    private static <T> T parse(IdParser<T> parser) throws Invalid {
        try {
            return parser.parse();
        } catch (IllegalArgumentException e) {
            // The domain's message names the field only ("sessionId must be a UUID").
            throw new Invalid("data." + e.getMessage());
        }
    }

    private static void require(boolean present, String field) throws Invalid {
        if (!present) {
            throw new Invalid(field + " is missing");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

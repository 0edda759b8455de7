package dev.warden.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One Warden fact as the SET event the contract's table makes of it, before it is queued on the
 * streams that want it.
 *
 * @param eventId   the Warden event it reports: the SET's {@code txn}
 * @param userId    the user it concerns, which a stream may have removed from its subjects
 * @param subjectId the SET's {@code sub_id}
 * @param fields    the event's members
 */
public record SsfSignal(UUID eventId, UserId userId, String eventType, Map<String, Object> subjectId,
                        Map<String, Object> fields) {
    public SsfSignal {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(eventType, "eventType");
        subjectId = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(subjectId));
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /** Whether {@code stream} gets this event: it keeps events, asked for the type and did not remove the user. */
    public boolean wantedBy(SsfStream stream, java.util.Collection<UserId> excludedSubjects) {
        return stream.status().keepsEvents() && stream.eventsDelivered().contains(eventType)
                && !excludedSubjects.contains(userId);
    }

    /** The queued SET for {@code stream}, with the {@code jti} that stream always gets for this event. */
    public SsfQueuedEvent queuedOn(SsfStreamId stream, Instant now) {
        return new SsfQueuedEvent(jti(stream, eventId), eventId.toString(), eventType, subjectId, fields, now);
    }

    /**
     * The {@code jti} of event {@code eventId} on {@code stream}: derived from both (a name-based
     * UUID), so queuing the same event on the same stream again, on any instance, yields the same
     * jti, which the queue keeps once; and no two streams share one.
     */
    public static String jti(SsfStreamId stream, UUID eventId) {
        return UUID.nameUUIDFromBytes(("warden-ssf:" + stream + ":" + eventId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}

package dev.warden.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's risk as Shared Signals tell it: an IP-spread alarm raised (HIGH) or resolved (LOW). Kept
 * from the alarm event until the fan-out has queued it on the streams.
 *
 * @param eventId the alarm event's id: the SET's {@code txn}
 */
public record RiskChange(UUID eventId, UserId userId, boolean raised, Instant at) {
    public RiskChange {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
    }

    public static RiskChange of(AlarmEvent event) {
        return new RiskChange(event.eventId(), event.userId(), event.kind() == AlarmEvent.Kind.RAISED, event.at());
    }
}

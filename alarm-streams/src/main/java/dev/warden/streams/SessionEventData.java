package dev.warden.streams;

import java.time.Instant;

/**
 * The data of an event on {@value AlarmTopology#SESSION_EVENTS_TOPIC}. Ids stay text here; they are
 * checked by {@link SessionEventInput} so that one bad record is skipped rather than fatal.
 * {@code reason}, {@code actorId} and {@code endedAt} are set for ends only.
 */
public record SessionEventData(
        String sessionId,
        String userId,
        String username,
        String ipAddress,
        String userAgent,
        Instant createdAt,
        Instant expiresAt,
        String reason,
        String actorId,
        Instant endedAt) {
}

package dev.warden.streams;

import java.time.Instant;

/** The data of a forwarded end on {@value AlarmTopology#SESSION_TERMINATED_TOPIC}; actorId is null for expiries. */
public record SessionTerminatedData(
        String sessionId,
        String userId,
        String username,
        String reason,
        String actorId,
        Instant endedAt,
        Instant expiresAt) {
}

package dev.warden.events;

import java.time.Instant;

/**
 * The data of a forwarded end on {@value EventTopics#SESSION_TERMINATED}, for other services: every end,
 * expiries included ({@code reason} tells them apart). {@code actorId} is null for expiries and always
 * written.
 */
public record SessionTerminatedData(
        String sessionId,
        String userId,
        String username,
        String reason,
        String actorId,
        Instant endedAt,
        Instant expiresAt) {
}

package dev.warden.events;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data of an event on {@value EventTopics#SESSION_EVENTS}: {@code warden.session.created},
 * {@code .terminated} or {@code .expired}. Ids are text; the reader checks them, so one bad record
 * can be skipped rather than fail the whole read.
 *
 * <p>{@code reason}, {@code actorId} and {@code endedAt} belong to ends only: written for an end
 * (one that has a reason), {@code actorId} even when null (nobody ends an expiry), and left out of
 * a create altogether, as the schemas say. Read, they are null when absent. {@code client} belongs to
 * a create only (how the user agent reads, parsed at login); null, and left out, for an end.
 */
@JsonIgnoreProperties(value = {"reason", "actorId", "endedAt"}, allowSetters = true)
public record SessionEventData(
        String sessionId,
        String userId,
        String username,
        String ipAddress,
        String userAgent,
        @JsonInclude(JsonInclude.Include.NON_NULL) ClientData client,
        Instant createdAt,
        Instant expiresAt,
        String reason,
        String actorId,
        Instant endedAt) {

    /** The data of {@code warden.session.created}. */
    public static SessionEventData started(String sessionId, String userId, String username, String ipAddress,
                                           String userAgent, ClientData client, Instant createdAt, Instant expiresAt) {
        return new SessionEventData(sessionId, userId, username, ipAddress, userAgent, client, createdAt, expiresAt,
                null, null, null);
    }

    /**
     * The data of {@code warden.session.terminated} or {@code .expired}; the same session's (without the
     * client, which the create told), plus how it ended.
     */
    public SessionEventData ended(String endReason, String endedBy, Instant endTime) {
        return new SessionEventData(sessionId, userId, username, ipAddress, userAgent, null, createdAt, expiresAt,
                endReason, endedBy, endTime);
    }

    /** The end's fields, after the others, only for an end. */
    @JsonAnyGetter
    private Map<String, Object> endFields() {
        Map<String, Object> end = new LinkedHashMap<>();
        if (reason != null) {
            end.put("reason", reason);
            end.put("actorId", actorId);
            end.put("endedAt", endedAt);
        }
        return end;
    }
}

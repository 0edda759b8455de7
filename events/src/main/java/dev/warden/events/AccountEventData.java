package dev.warden.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The data of an event on {@value EventTopics#ACCOUNT_EVENTS}. {@code actorId} is always written, null
 * where nobody acted (a lock by failed logins, the owner created at first start); {@code role} only
 * where the event sets one ({@code .created}, {@code .role-changed}). Never a password or a hash.
 */
public record AccountEventData(
        String userId,
        String username,
        String actorId,
        Instant at,
        @JsonInclude(JsonInclude.Include.NON_NULL) String role) {
}

package dev.warden.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Shared Signals event stream (SSF 1.0 section 8.1.1) of one receiver: how its SETs are
 * delivered, which event types it gets, its status, and what the administrators see of its
 * deliveries. Its {@code aud} is its client's id; its {@code iss} is the transmitter's.
 *
 * @param description        the receiver's text; null when none
 * @param eventsRequested    {@code events_requested} as the receiver sent it; null when it sent none (every supported type)
 * @param statusReason       why the status was last set; null when no reason was given
 * @param lastVerificationAt when a verification was last requested; null before the first
 * @param lastDeliveredAt    when the receiver last acknowledged a SET; null before the first
 * @param lastError          the last error a receiver reported or a delivery met; null when none
 */
public record SsfStream(SsfStreamId id, ReceiverClientId clientId, String description, SsfDelivery delivery,
                        List<String> eventsRequested, SsfStreamStatus status, String statusReason, Instant createdAt,
                        Instant lastVerificationAt, Instant lastDeliveredAt, String lastError) {
    /** The longest description, status reason or verification state, in code points. */
    public static final int MAX_TEXT_LENGTH = 256;
    /** The most event types a stream may request (more than Warden supports, so a receiver may list others). */
    public static final int MAX_EVENTS_REQUESTED = 50;
    /** {@code min_verification_interval}, as every stream advertises it. */
    public static final Duration MIN_VERIFICATION_INTERVAL = Duration.ofSeconds(15);

    public SsfStream {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        description = optionalText(description, "description");
        Objects.requireNonNull(delivery, "delivery");
        eventsRequested = eventsRequested == null ? null : requireEvents(eventsRequested);
        Objects.requireNonNull(status, "status");
        statusReason = optionalText(statusReason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new, enabled stream. */
    public static SsfStream created(SsfStreamId id, ReceiverClientId clientId, String description,
            SsfDelivery delivery, List<String> eventsRequested, Instant now) {
        return new SsfStream(id, clientId, description, delivery, eventsRequested, SsfStreamStatus.ENABLED, null,
                now, null, null, null);
    }

    /** {@code events_delivered}: what it requested that Warden supports. */
    public List<String> eventsDelivered() {
        return SsfEventTypes.delivered(eventsRequested);
    }

    /** The same stream with the receiver-supplied properties replaced. */
    public SsfStream configured(String newDescription, SsfDelivery newDelivery, List<String> newEventsRequested) {
        return new SsfStream(id, clientId, newDescription, newDelivery, newEventsRequested, status, statusReason,
                createdAt, lastVerificationAt, lastDeliveredAt, lastError);
    }

    public SsfStream withStatus(SsfStreamStatus newStatus, String reason) {
        return new SsfStream(id, clientId, description, delivery, eventsRequested, newStatus, reason, createdAt,
                lastVerificationAt, lastDeliveredAt, lastError);
    }

    public SsfStream verificationRequestedAt(Instant at) {
        return new SsfStream(id, clientId, description, delivery, eventsRequested, status, statusReason, createdAt,
                Objects.requireNonNull(at, "at"), lastDeliveredAt, lastError);
    }

    /** When the next verification may be requested; null when one may be now. */
    public Instant nextVerificationAllowedAt(Instant now) {
        if (lastVerificationAt == null) {
            return null;
        }
        Instant next = lastVerificationAt.plus(MIN_VERIFICATION_INTERVAL);
        return now.isBefore(next) ? next : null;
    }

    /**
     * A receiver's text (description, reason, state): trimmed, at most {@value #MAX_TEXT_LENGTH}
     * characters, no control characters; null or blank is none.
     *
     * @throws IllegalArgumentException naming {@code field}
     */
    public static String optionalText(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (BoundedText.hasUnsafe(stripped) || stripped.codePointCount(0, stripped.length()) > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_TEXT_LENGTH
                    + " characters without control characters");
        }
        return stripped;
    }

    private static List<String> requireEvents(List<String> requested) {
        if (requested.size() > MAX_EVENTS_REQUESTED) {
            throw new IllegalArgumentException("events_requested must list at most " + MAX_EVENTS_REQUESTED + " types");
        }
        for (String type : requested) {
            if (type == null || type.isBlank() || type.length() > 512 || BoundedText.hasUnsafe(type)) {
                throw new IllegalArgumentException("events_requested must hold event type URIs");
            }
        }
        List<String> copy = requested.stream().distinct().toList();
        if (!copy.isEmpty() && SsfEventTypes.delivered(copy).isEmpty()) {
            throw new IllegalArgumentException("none of events_requested is supported; supported: "
                    + String.join(", ", SsfEventTypes.SUPPORTED));
        }
        return copy;
    }
}

package dev.warden.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One SET waiting in a stream's queue, not yet signed: it is signed when delivered, so a key
 * rotation applies to it, while its {@code jti}, {@code txn}, {@code iat} and content stay the
 * same on every redelivery.
 *
 * @param queuedAt when it was queued: the SET's {@code iat}
 */
public record SsfQueuedEvent(String jti, String txn, String eventType, Map<String, Object> subjectId,
                             Map<String, Object> fields, Instant queuedAt) {
    public SsfQueuedEvent {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(txn, "txn");
        Objects.requireNonNull(eventType, "eventType");
        subjectId = Map.copyOf(subjectId);
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        Objects.requireNonNull(queuedAt, "queuedAt");
    }

    /** An SSF event about the stream itself (verification, stream-updated): its subject is the stream. */
    public static SsfQueuedEvent aboutStream(SsfStreamId stream, String eventType, Map<String, Object> fields,
            Instant now) {
        String id = UUID.randomUUID().toString();
        return new SsfQueuedEvent(id, id, eventType, Map.of("format", "opaque", "id", stream.toString()), fields, now);
    }

    /** The SET for {@code audience}. */
    public SecurityEvent toSecurityEvent(ReceiverClientId audience) {
        return new SecurityEvent(audience.toString(), queuedAt, jti, txn, subjectId, eventType, fields);
    }
}

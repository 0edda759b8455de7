package dev.warden.application.service.ssf;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.ssf.StreamNotFound;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SsfQueuedEvent;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamId;
import java.time.Instant;

/**
 * What every stream use case shares: a receiver reaches only its own streams (another client's is
 * as unknown as a missing one, so no stream id can be probed), events are queued only on a stream
 * that keeps them, and each change is audited naming the client and the stream.
 */
public record OwnedStreams(SsfStreams streams, AuditTrail audit) {

    /**
     * @throws InvalidRequest when the id is missing or not a stream id
     * @throws StreamNotFound when the caller has no stream with this id
     */
    SsfStream require(ReceiverClientId caller, String streamId) {
        if (streamId == null || streamId.isEmpty()) {
            throw new InvalidRequest("stream_id is required.");
        }
        SsfStreamId id;
        try {
            id = SsfStreamId.parse(streamId);
        } catch (IllegalArgumentException e) {
            throw new StreamNotFound("No stream of this receiver has the id given.");
        }
        return streams.find(id).filter(s -> s.clientId().equals(caller))
                .orElseThrow(() -> new StreamNotFound("No stream of this receiver has the id " + id + "."));
    }

    /** Queues the event unless the stream is disabled (a disabled stream keeps nothing). */
    void enqueue(SsfStream stream, SsfQueuedEvent event) {
        if (stream.status().keepsEvents()) {
            streams.enqueue(stream.id(), event);
        }
    }

    void audit(AuditType type, SsfStream stream, String what, Instant now) {
        audit.append(AuditEntry.of(type, now).withReason("receiver " + stream.clientId() + ": stream " + stream.id()
                + " " + what));
    }

    /** Runs {@code input}, turning its IllegalArgumentException into a 400. */
    static <T> T checked(java.util.function.Supplier<T> input) {
        try {
            return input.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage() + ".");
        }
    }
}

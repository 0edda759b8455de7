package dev.warden.application.service.ssf;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.ssf.CreateStreamUseCase;
import dev.warden.application.port.in.ssf.DeleteStreamUseCase;
import dev.warden.application.port.in.ssf.ListStreamsUseCase;
import dev.warden.application.port.in.ssf.ReadStreamUseCase;
import dev.warden.application.port.in.ssf.StreamRequest;
import dev.warden.application.port.in.ssf.StreamView;
import dev.warden.application.port.in.ssf.UpdateStreamUseCase;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.service.Now;
import dev.warden.domain.AuditType;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SsfDelivery;
import dev.warden.domain.SsfEventTypes;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A receiver's streams, as SSF 1.0 section 8.1.1 manages them: create, read, list, update (PATCH),
 * replace (PUT), delete. Each change and its audit entry are one transaction.
 *
 * @param allowHttp whether push endpoints may be {@code http://} (WARDEN_SSF_ALLOW_HTTP)
 */
public record StreamConfigurationService(TransactionBoundary transactions, SsfStreams streams, OwnedStreams owned,
        boolean allowHttp, Clock clock)
        implements CreateStreamUseCase, ReadStreamUseCase, ListStreamsUseCase, UpdateStreamUseCase, DeleteStreamUseCase {

    @Override
    public StreamView create(ReceiverClientId caller, StreamRequest request) {
        if (request.streamId() != null) {
            throw new InvalidRequest("stream_id is chosen by Warden: leave it out when creating a stream.");
        }
        requireTransmitterValuesOmitted(request);
        Instant now = Now.of(clock);
        SsfStream stream = OwnedStreams.checked(() -> SsfStream.created(SsfStreamId.random(), caller,
                request.description(), delivery(request.delivery(), SsfDelivery.POLL), request.eventsRequested(), now));
        transactions.run(() -> {
            streams.insert(stream);
            owned.audit(AuditType.SSF_STREAM_CREATED, stream, "created (" + stream.delivery().method().text() + ")", now);
        });
        return StreamView.of(stream);
    }

    @Override
    public StreamView read(ReceiverClientId caller, String streamId) {
        return StreamView.of(owned.require(caller, streamId));
    }

    @Override
    public List<StreamView> list(ReceiverClientId caller) {
        return streams.listOf(caller).stream().map(StreamView::of).toList();
    }

    @Override
    public StreamView update(ReceiverClientId caller, StreamRequest request, Mode mode) {
        Instant now = Now.of(clock);
        return transactions.inTransaction(() -> {
            SsfStream current = owned.require(caller, request.streamId());
            requireTransmitterValuesMatch(request, current);
            boolean replace = mode == Mode.REPLACE;
            SsfStream changed = OwnedStreams.checked(() -> current.configured(
                    replace || request.description() != null ? request.description() : current.description(),
                    replace || request.delivery() != null ? delivery(request.delivery(), SsfDelivery.POLL)
                            : current.delivery(),
                    replace || request.eventsRequested() != null ? request.eventsRequested()
                            : current.eventsRequested()));
            streams.update(changed);
            owned.audit(AuditType.SSF_STREAM_UPDATED, changed, (replace ? "replaced" : "updated") + " ("
                    + changed.delivery().method().text() + ")", now);
            return StreamView.of(changed);
        });
    }

    @Override
    public void delete(ReceiverClientId caller, String streamId) {
        Instant now = Now.of(clock);
        transactions.run(() -> {
            SsfStream stream = owned.require(caller, streamId);
            streams.delete(stream.id());
            owned.audit(AuditType.SSF_STREAM_DELETED, stream, "deleted", now);
        });
    }

    private SsfDelivery delivery(StreamRequest.Delivery requested, SsfDelivery absent) {
        if (requested == null) {
            return absent;
        }
        return SsfDelivery.requested(requested.method(), requested.endpointUrl(), requested.authorizationHeader(),
                allowHttp);
    }

    /** A new stream has no transmitter-supplied values to match: sending one is a mistake worth saying. */
    private static void requireTransmitterValuesOmitted(StreamRequest r) {
        if (r.aud() != null || r.eventsSupported() != null || r.eventsDelivered() != null
                || r.minVerificationInterval() != null) {
            throw new InvalidRequest("aud, events_supported, events_delivered and min_verification_interval are"
                    + " supplied by Warden: leave them out when creating a stream.");
        }
    }

    /** SSF 1.0 section 8.1.1.3: transmitter-supplied values sent back must match the current ones. */
    private static void requireTransmitterValuesMatch(StreamRequest r, SsfStream current) {
        mustMatch("aud", r.aud() == null || r.aud().equals(current.clientId().toString()));
        mustMatch("events_supported", r.eventsSupported() == null
                || new HashSet<>(r.eventsSupported()).equals(new HashSet<>(SsfEventTypes.SUPPORTED)));
        mustMatch("events_delivered", r.eventsDelivered() == null
                || new HashSet<>(r.eventsDelivered()).equals(new HashSet<>(current.eventsDelivered())));
        mustMatch("min_verification_interval", r.minVerificationInterval() == null || Objects.equals(
                r.minVerificationInterval(), SsfStream.MIN_VERIFICATION_INTERVAL.toSeconds()));
    }

    private static void mustMatch(String field, boolean matches) {
        if (!matches) {
            throw new InvalidRequest(field + " is supplied by Warden and must match the stream's current value"
                    + " (or be left out).");
        }
    }
}

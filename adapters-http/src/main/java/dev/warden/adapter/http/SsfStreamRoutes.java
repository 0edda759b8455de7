package dev.warden.adapter.http;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.ssf.CreateStreamUseCase;
import dev.warden.application.port.in.ssf.DeleteStreamUseCase;
import dev.warden.application.port.in.ssf.ListStreamsUseCase;
import dev.warden.application.port.in.ssf.ReadStreamUseCase;
import dev.warden.application.port.in.ssf.StreamRequest;
import dev.warden.application.port.in.ssf.UpdateStreamUseCase;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.ReceiverScope;
import dev.warden.domain.SsfDelivery;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Set;

/**
 * {@code /ssf/streams}: the receivers' Stream Management API (SSF 1.0 section 8.1.1) with their
 * bearer tokens. Writes need {@code ssf.manage}, reads {@code ssf.read} or {@code ssf.manage}; a
 * receiver reaches only its own streams. Off (404) while WARDEN_PUBLIC_URL is unset.
 */
record SsfStreamRoutes(CreateStreamUseCase create, ReadStreamUseCase read, ListStreamsUseCase list,
        UpdateStreamUseCase update, DeleteStreamUseCase delete, ReceiverAuthenticator receivers,
        SsfEndpoints endpoints, SsfStreamJson json) implements ApiRoutes {

    static final String STREAMS = "/ssf/streams";
    private static final Set<String> CONFIGURATION = Set.of("stream_id", "iss", "aud", "events_supported",
            "events_requested", "events_delivered", "delivery", "min_verification_interval", "description");
    private static final Set<String> DELIVERY = Set.of("method", "endpoint_url", "authorization_header");

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(Method.POST, STREAMS, this::create),
                new ApiRoute(Method.GET, STREAMS, this::read),
                new ApiRoute(Method.PATCH, STREAMS, (req, res) -> update(req, res, UpdateStreamUseCase.Mode.UPDATE)),
                new ApiRoute(Method.PUT, STREAMS, (req, res) -> update(req, res, UpdateStreamUseCase.Mode.REPLACE)),
                new ApiRoute(Method.DELETE, STREAMS, this::delete));
    }

    private void create(ServerRequest req, ServerResponse res) {
        ReceiverClientId caller = caller(req, ReceiverScope.SSF_MANAGE);
        StreamRequest request = request(SsfRequestBody.read(req, CONFIGURATION));
        Responses.json(res, Status.CREATED_201, json.configuration(create.create(caller, request)));
    }

    private void read(ServerRequest req, ServerResponse res) {
        ReceiverClientId caller = caller(req, ReceiverScope.SSF_READ);
        String streamId = SsfQuery.streamId(req, false);
        if (streamId == null) {
            Responses.json(res, Status.OK_200, list.list(caller).stream().map(json::configuration).toList());
        } else {
            Responses.json(res, Status.OK_200, json.configuration(read.read(caller, streamId)));
        }
    }

    private void update(ServerRequest req, ServerResponse res, UpdateStreamUseCase.Mode mode) {
        ReceiverClientId caller = caller(req, ReceiverScope.SSF_MANAGE);
        StreamRequest request = request(SsfRequestBody.read(req, CONFIGURATION));
        if (request.streamId() == null) {
            throw new InvalidRequest("Member 'stream_id' is required.");
        }
        Responses.json(res, Status.OK_200, json.configuration(update.update(caller, request, mode)));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        ReceiverClientId caller = caller(req, ReceiverScope.SSF_MANAGE);
        delete.delete(caller, SsfQuery.streamId(req, true));
        Responses.noContent(res);
    }

    private ReceiverClientId caller(ServerRequest req, ReceiverScope needed) {
        endpoints.requireEnabled();
        return receivers.require(req, needed).clientId();
    }

    private StreamRequest request(SsfRequestBody body) {
        String streamId = body.string("stream_id");
        String iss = body.string("iss");
        if (iss != null && !iss.equals(endpoints.issuer())) {
            throw new InvalidRequest("iss is supplied by Warden and must be " + endpoints.issuer() + " (or be left out).");
        }
        return new StreamRequest(streamId, delivery(body.object("delivery", DELIVERY), streamId),
                body.strings("events_requested"), body.string("description"),
                audience(body), body.strings("events_supported"), body.strings("events_delivered"),
                body.integer("min_verification_interval"));
    }

    /**
     * A poll stream's {@code endpoint_url} is Warden's: sent back unchanged (a receiver that read the
     * configuration and PUTs it again) it is the stream's own poll URL, and is dropped here.
     */
    private StreamRequest.Delivery delivery(SsfRequestBody delivery, String streamId) {
        if (delivery == null) {
            return null;
        }
        String method = delivery.requiredString("method");
        String endpoint = delivery.string("endpoint_url");
        if (method.equals(SsfDelivery.Method.POLL.urn()) && streamId != null && endpoint != null
                && endpoint.equals(json.pollUrl(streamId))) {
            endpoint = null;
        }
        return new StreamRequest.Delivery(method, endpoint, delivery.string("authorization_header"));
    }

    /** {@code aud} sent back: a string or an array of one (anything else cannot match). */
    private static String audience(SsfRequestBody body) {
        if (!body.has("aud")) {
            return null;
        }
        try {
            return body.string("aud");
        } catch (InvalidRequest notAString) {
            List<String> list = body.strings("aud");
            return list.size() == 1 ? list.getFirst() : "";
        }
    }
}

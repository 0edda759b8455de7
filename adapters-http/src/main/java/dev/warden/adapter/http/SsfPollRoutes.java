package dev.warden.adapter.http;

import dev.warden.application.port.in.ssf.PollStreamUseCase;
import dev.warden.application.port.in.ssf.PollStreamUseCase.PollRequest;
import dev.warden.application.port.in.ssf.PollStreamUseCase.PollResult;
import dev.warden.application.port.in.ssf.PollStreamUseCase.SetError;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.ReceiverScope;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /ssf/poll/{stream_id}}: RFC 8936 poll delivery for the receiver that owns the stream
 * ({@code ssf.read} or {@code ssf.manage}). The body may be left out (then: wait for SETs, no
 * acknowledgement). Off (404) while WARDEN_PUBLIC_URL is unset. A long poll over the waiting caps is
 * 429 with Retry-After (ProblemHandlers).
 */
record SsfPollRoutes(PollStreamUseCase poll, ReceiverAuthenticator receivers, SsfEndpoints endpoints)
        implements ApiRoutes {

    static final String POLL = "/ssf/poll/{streamId}";
    private static final Set<String> REQUEST = Set.of("maxEvents", "returnImmediately", "ack", "setErrs");

    @Override
    public List<ApiRoute> routes() {
        return List.of(new ApiRoute(Method.POST, POLL, this::poll));
    }

    private void poll(ServerRequest req, ServerResponse res) {
        endpoints.requireEnabled();
        ReceiverClientId caller = receivers.require(req, ReceiverScope.SSF_READ).clientId();
        SsfRequestBody body = SsfRequestBody.readOrEmpty(req, REQUEST);
        Long maxEvents = body.integer("maxEvents");
        if (maxEvents != null && (maxEvents < 0 || maxEvents > Integer.MAX_VALUE)) {
            throw new dev.warden.application.port.in.InvalidRequest("maxEvents must be a non-negative integer.");
        }
        Boolean returnImmediately = body.bool("returnImmediately");
        List<String> ack = body.strings("ack");
        Map<String, SetError> setErrs = new LinkedHashMap<>();
        body.objects("setErrs", Set.of("err", "description"))
                .forEach((jti, error) -> setErrs.put(jti, new SetError(error.requiredString("err"),
                        error.string("description"))));
        PollResult result = poll.poll(caller, req.path().pathParameters().get("streamId"), new PollRequest(
                maxEvents == null ? null : maxEvents.intValue(), Boolean.TRUE.equals(returnImmediately),
                ack == null ? List.of() : ack, setErrs));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sets", result.sets());
        json.put("moreAvailable", result.moreAvailable());
        Responses.json(res, Status.OK_200, json);
    }
}

package dev.warden.adapter.http;

import dev.warden.application.port.in.ssf.ChangeStreamSubjectsUseCase;
import dev.warden.application.port.in.ssf.ReadStreamStatusUseCase;
import dev.warden.application.port.in.ssf.UpdateStreamStatusUseCase;
import dev.warden.application.port.in.ssf.VerifyStreamUseCase;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.ReceiverScope;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Set;

/**
 * A stream's status, subjects and verification (SSF 1.0 sections 8.1.2 to 8.1.4), with the
 * receivers' bearer tokens: reading the status needs {@code ssf.read} or {@code ssf.manage}, every
 * change {@code ssf.manage}. Off (404) while WARDEN_PUBLIC_URL is unset.
 */
record SsfStreamControlRoutes(ReadStreamStatusUseCase readStatus, UpdateStreamStatusUseCase updateStatus,
        ChangeStreamSubjectsUseCase subjects, VerifyStreamUseCase verify, ReceiverAuthenticator receivers,
        SsfEndpoints endpoints) implements ApiRoutes {

    static final String STATUS = "/ssf/status";
    static final String ADD_SUBJECT = "/ssf/subjects:add";
    static final String REMOVE_SUBJECT = "/ssf/subjects:remove";
    static final String VERIFY = "/ssf/verify";

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(Method.GET, STATUS, this::status),
                new ApiRoute(Method.POST, STATUS, this::updateStatus),
                new ApiRoute(Method.POST, ADD_SUBJECT, (req, res) -> changeSubject(req, res, true)),
                new ApiRoute(Method.POST, REMOVE_SUBJECT, (req, res) -> changeSubject(req, res, false)),
                new ApiRoute(Method.POST, VERIFY, this::verify));
    }

    private void status(ServerRequest req, ServerResponse res) {
        ReceiverClientId caller = caller(req, ReceiverScope.SSF_READ);
        Responses.json(res, Status.OK_200, SsfStreamJson.status(readStatus.status(caller,
                SsfQuery.streamId(req, true))));
    }

    private void updateStatus(ServerRequest req, ServerResponse res) {
        ReceiverClientId caller = caller(req, ReceiverScope.SSF_MANAGE);
        SsfRequestBody body = SsfRequestBody.read(req, Set.of("stream_id", "status", "reason"));
        Responses.json(res, Status.OK_200, SsfStreamJson.status(updateStatus.update(caller,
                body.requiredString("stream_id"), body.requiredString("status"), body.string("reason"))));
    }

    /** SSF 1.0: adding answers an empty 200, removing 204. */
    private void changeSubject(ServerRequest req, ServerResponse res, boolean add) {
        ReceiverClientId caller = caller(req, ReceiverScope.SSF_MANAGE);
        SsfRequestBody body = SsfRequestBody.read(req, add ? Set.of("stream_id", "subject", "verified")
                : Set.of("stream_id", "subject"));
        String streamId = body.requiredString("stream_id");
        body.bool("verified");
        if (!body.has("subject")) {
            throw new dev.warden.application.port.in.InvalidRequest("Member 'subject' is required.");
        }
        subjects.change(caller, streamId, body.members("subject"), endpoints.issuer(), add);
        if (add) {
            res.status(Status.OK_200);
            res.headers().set(io.helidon.http.HeaderNames.CACHE_CONTROL, "no-store");
            res.send();
        } else {
            Responses.noContent(res);
        }
    }

    private void verify(ServerRequest req, ServerResponse res) {
        ReceiverClientId caller = caller(req, ReceiverScope.SSF_MANAGE);
        SsfRequestBody body = SsfRequestBody.read(req, Set.of("stream_id", "state"));
        verify.verify(caller, body.requiredString("stream_id"), body.string("state"));
        Responses.noContent(res);
    }

    private ReceiverClientId caller(ServerRequest req, ReceiverScope needed) {
        endpoints.requireEnabled();
        return receivers.require(req, needed).clientId();
    }
}

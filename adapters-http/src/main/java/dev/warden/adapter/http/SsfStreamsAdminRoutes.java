package dev.warden.adapter.http;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ssf.ListAllStreamsUseCase;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/admin/ssf/streams}: every receiver's streams for OWNER and ADMIN, with their
 * queue and last outcomes. Off (404) while WARDEN_PUBLIC_URL is unset.
 */
record SsfStreamsAdminRoutes(ListAllStreamsUseCase list, Authenticator authenticator, SsfEndpoints endpoints,
        SsfStreamJson json) implements ApiRoutes {

    static final String STREAMS = "/api/admin/ssf/streams";

    @Override
    public List<ApiRoute> routes() {
        return List.of(new ApiRoute(Method.GET, STREAMS, this::list));
    }

    private void list(ServerRequest req, ServerResponse res) {
        endpoints.requireEnabled();
        Actor actor = authenticator.requireAdministrator(req);
        Responses.json(res, Status.OK_200, Map.of("items", list.list(actor).stream().map(json::summary).toList()));
    }
}

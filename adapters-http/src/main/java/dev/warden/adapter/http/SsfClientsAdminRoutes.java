package dev.warden.adapter.http;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ssf.ListReceiversUseCase;
import dev.warden.application.port.in.ssf.RegisterReceiverUseCase;
import dev.warden.application.port.in.ssf.RegisterReceiverUseCase.RegisteredReceiver;
import dev.warden.application.port.in.ssf.RevokeReceiverUseCase;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/admin/ssf/clients}: registering, listing and revoking Shared Signals receivers (OAuth
 * clients). The secret is in the creation answer only. Off (404) while WARDEN_PUBLIC_URL is unset.
 */
record SsfClientsAdminRoutes(RegisterReceiverUseCase register, ListReceiversUseCase list,
        RevokeReceiverUseCase revoke, Authenticator authenticator, SsfEndpoints endpoints, Views views)
        implements ApiRoutes {

    static final String CLIENTS = "/api/admin/ssf/clients";
    static final String CLIENT = "/api/admin/ssf/clients/{clientId}";

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(Method.GET, CLIENTS, this::list),
                new ApiRoute(Method.POST, CLIENTS, this::register),
                new ApiRoute(Method.DELETE, CLIENT, this::revoke));
    }

    private void list(ServerRequest req, ServerResponse res) {
        endpoints.requireEnabled();
        Actor actor = authenticator.requireAdministrator(req);
        Responses.json(res, Status.OK_200, Map.of("items", list.list(actor).stream().map(views::receiver).toList()));
    }

    private void register(ServerRequest req, ServerResponse res) {
        endpoints.requireEnabled();
        Actor actor = authenticator.requireAdministrator(req);
        String name = JsonBody.read(req, Set.of("name")).requiredString("name");
        RegisteredReceiver created = register.register(name, actor);
        Responses.json(res, Status.CREATED_201, views.registeredReceiver(created));
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        endpoints.requireEnabled();
        Actor actor = authenticator.requireAdministrator(req);
        revoke.revoke(req.path().pathParameters().get("clientId"), actor);
        Responses.noContent(res);
    }
}

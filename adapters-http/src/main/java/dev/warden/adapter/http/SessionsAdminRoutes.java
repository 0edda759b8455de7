package dev.warden.adapter.http;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.ListActiveSessionsUseCase;
import dev.warden.application.port.in.sessions.SessionCursor;
import dev.warden.application.port.in.sessions.TerminateSessionUseCase;
import dev.warden.application.port.in.sessions.TerminateUserSessionsUseCase;
import dev.warden.domain.UserId;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;

/** {@code /api/admin/sessions}: the Sessions page and its terminate actions. */
record SessionsAdminRoutes(ListActiveSessionsUseCase list, TerminateSessionUseCase terminate,
        TerminateUserSessionsUseCase terminateAll, Authenticator authenticator, Views views) implements ApiRoutes {

    static final String SESSIONS = "/api/admin/sessions";
    static final String SESSION = "/api/admin/sessions/{id}";

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(Method.GET, SESSIONS, this::list),
                new ApiRoute(Method.DELETE, SESSIONS, this::terminateAllOfUser),
                new ApiRoute(Method.DELETE, SESSION, this::terminateOne));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        ActiveSessionQuery query = new ActiveSessionQuery(
                Params.page(req),
                Params.nonBlank(req, "cursor").map(SessionCursor::decode).orElse(null),
                Params.userId(req).orElse(null),
                Params.nonBlank(req, "ip").orElse(null),
                Params.nonBlank(req, "q").orElse(null));
        Responses.json(res, Status.OK_200, views.page(list.list(query, actor), views::session, true));
    }

    private void terminateOne(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        terminate.terminate(Params.sessionIdPath(req), actor);
        Responses.noContent(res);
    }

    private void terminateAllOfUser(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        // Without a user this would be "terminate everything", which the API deliberately cannot do.
        UserId userId = Params.userId(req)
                .orElseThrow(() -> new InvalidRequest("Query parameter 'userId' is required to terminate sessions."));
        int terminated = terminateAll.terminateAll(userId, actor);
        Responses.json(res, Status.OK_200, Map.of("terminated", terminated));
    }
}

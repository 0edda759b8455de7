package dev.warden.adapter.http;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.ListActiveSessionsUseCase;
import dev.warden.application.port.in.SortOrder;
import dev.warden.application.port.in.sessions.SessionCursor;
import dev.warden.application.port.in.sessions.SessionSort;
import dev.warden.application.port.in.sessions.TerminateSessionUseCase;
import dev.warden.application.port.in.sessions.TerminateSessionsFromAddressUseCase;
import dev.warden.application.port.in.sessions.TerminateUserSessionsUseCase;
import dev.warden.domain.UserId;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /api/admin/sessions}: the Sessions page and its terminate actions. */
record SessionsAdminRoutes(ListActiveSessionsUseCase list, TerminateSessionUseCase terminate,
        TerminateUserSessionsUseCase terminateAll, TerminateSessionsFromAddressUseCase terminateFromAddress,
        Authenticator authenticator, Views views) implements ApiRoutes {

    static final String SESSIONS = "/api/admin/sessions";
    static final String SESSION = "/api/admin/sessions/{id}";

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(Method.GET, SESSIONS, this::list),
                new ApiRoute(Method.DELETE, SESSIONS, this::terminateMany),
                new ApiRoute(Method.DELETE, SESSION, this::terminateOne));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        // The JSON page, or with Accept: text/csv every match (the paging parameters then do not apply).
        KeysetListAnswer.send(req, res, "sessions", CsvColumns.SESSIONS,
                (page, cursor) -> list.list(query(req, page, cursor), actor), views::session, views);
    }

    /** The list's filters and order, read in one place for the JSON page and the CSV export. */
    private static ActiveSessionQuery query(ServerRequest req, PageRequest page, String cursor) {
        return new ActiveSessionQuery(
                page,
                cursor == null ? null : SessionCursor.decode(cursor),
                Params.userId(req).orElse(null),
                Params.nonBlank(req, "ip").orElse(null),
                Params.nonBlank(req, "q").orElse(null),
                Params.nonBlank(req, "sort").map(SessionSort::fromApiName).orElse(null),
                Params.nonBlank(req, "order").map(SortOrder::fromApiName).orElse(null));
    }

    private void terminateOne(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        terminate.terminate(Params.sessionIdPath(req), actor);
        Responses.noContent(res);
    }

    /** {@code ?ip=} (with or without {@code userId}): from an address or network; {@code ?userId=} alone: one user's. */
    private void terminateMany(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        Optional<String> ip = Params.nonBlank(req, "ip");
        Optional<UserId> userId = Params.userId(req);
        int terminated;
        if (ip.isPresent()) {
            terminated = terminateFromAddress.terminateFromAddress(
                    new TerminateSessionsFromAddressUseCase.Command(ip.get(), userId.orElse(null)), actor);
        } else {
            // Without a user or an address this would be "terminate everything", which the API deliberately cannot do.
            terminated = terminateAll.terminateAll(userId.orElseThrow(() -> new InvalidRequest(
                    "Query parameter 'userId' or 'ip' is required to terminate sessions.")), actor);
        }
        Responses.json(res, Status.OK_200, Map.of("terminated", terminated));
    }
}

package dev.warden.adapter.http;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.auth.ChangeOwnPasswordUseCase;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.EndOtherOwnSessionsUseCase;
import dev.warden.application.port.in.sessions.EndOwnSessionUseCase;
import dev.warden.application.port.in.sessions.ListOwnSessionsUseCase;
import dev.warden.domain.SessionId;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Self-service for every role, USER included: {@code /api/auth/sessions} (one's own sessions,
 * ending one or all others), {@code /api/auth/password} (changing one's own password) and
 * {@code /api/auth/password-policy} (the length rules a new password must keep).
 */
record OwnAccountRoutes(ListOwnSessionsUseCase list, EndOwnSessionUseCase endOne,
        EndOtherOwnSessionsUseCase endOthers, ChangeOwnPasswordUseCase changePassword,
        Authenticator authenticator, ClientInfoReader clients, SessionCookies cookies, Views views) implements ApiRoutes {

    static final String SESSIONS = "/api/auth/sessions";
    static final String SESSION = "/api/auth/sessions/{id}";
    static final String PASSWORD = "/api/auth/password";
    static final String PASSWORD_POLICY = "/api/auth/password-policy";
    /** The only scope a bulk DELETE takes: without it the request would read as "end them all". */
    static final String SCOPE_OTHERS = "others";

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(Method.GET, SESSIONS, this::list),
                new ApiRoute(Method.DELETE, SESSIONS, this::endOthers),
                new ApiRoute(Method.DELETE, SESSION, this::endOne),
                new ApiRoute(Method.POST, PASSWORD, this::changePassword),
                new ApiRoute(Method.GET, PASSWORD_POLICY, this::passwordPolicy));
    }

    private void list(ServerRequest req, ServerResponse res) {
        AuthenticatedSession current = authenticator.authenticate(req);
        SessionId currentId = current.session().id();
        Responses.json(res, Status.OK_200, Map.of("items",
                list.listOwn(current).stream().map(s -> views.ownSession(s, currentId)).toList()));
    }

    private void endOne(ServerRequest req, ServerResponse res) {
        AuthenticatedSession current = authenticator.authenticate(req);
        SessionId sessionId = Params.sessionIdPath(req);
        endOne.endOwn(sessionId, current, clients.read(req));
        if (sessionId.equals(current.session().id())) {
            // Ending the session this request came with is a logout: the browser forgets its cookie.
            res.headers().addCookie(cookies.clear());
        }
        Responses.noContent(res);
    }

    private void endOthers(ServerRequest req, ServerResponse res) {
        AuthenticatedSession current = authenticator.authenticate(req);
        String scope = Params.nonBlank(req, "scope").orElse(null);
        if (!SCOPE_OTHERS.equals(scope)) {
            throw new InvalidRequest("Query parameter 'scope' must be 'others': only the other sessions can be"
                    + " ended together; end the current one with DELETE " + SESSIONS + "/{id} or a logout.");
        }
        int terminated = endOthers.endOthers(current, clients.read(req));
        Responses.json(res, Status.OK_200, Map.of("terminated", terminated));
    }

    private void changePassword(ServerRequest req, ServerResponse res) {
        AuthenticatedSession current = authenticator.authenticate(req);
        JsonBody body = JsonBody.read(req, Set.of("currentPassword", "newPassword"));
        String currentPassword = body.requiredPassword("currentPassword");
        String newPassword = body.requiredPassword("newPassword");
        changePassword.changePassword(current, currentPassword, newPassword, clients.read(req),
                cookies.presentedDevice(req).orElse(null));
        Responses.noContent(res);
    }

    private void passwordPolicy(ServerRequest req, ServerResponse res) {
        authenticator.authenticate(req);
        Responses.json(res, Status.OK_200, views.passwordPolicy());
    }
}

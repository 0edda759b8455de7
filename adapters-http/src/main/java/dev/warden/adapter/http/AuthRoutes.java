package dev.warden.adapter.http;

import dev.warden.application.port.in.auth.LoginUseCase;
import dev.warden.application.port.in.auth.ReauthenticateUseCase;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.LogoutUseCase;
import dev.warden.domain.Session;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/auth/*}: log in, look at the current session, re-authenticate (step-up), log out. */
record AuthRoutes(LoginUseCase login, LogoutUseCase logout, ReauthenticateUseCase reauthenticate,
        Authenticator authenticator, ClientInfoReader clients, SessionCookies cookies, Views views) implements ApiRoutes {

    static final String LOGIN = "/api/auth/login";
    static final String SESSION = "/api/auth/session";
    static final String LOGOUT = "/api/auth/logout";
    static final String REAUTHENTICATE = "/api/auth/reauthenticate";

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(Method.POST, LOGIN, this::login),
                new ApiRoute(Method.GET, SESSION, this::session),
                new ApiRoute(Method.POST, LOGOUT, this::logout),
                new ApiRoute(Method.POST, REAUTHENTICATE, this::reauthenticate));
    }

    private void login(ServerRequest req, ServerResponse res) {
        JsonBody body = JsonBody.read(req, Set.of("username", "password"));
        String username = body.requiredString("username");
        String password = body.requiredPassword("password");
        LoginUseCase.LoginResult result = login.login(username, password, clients.read(req),
                cookies.presentedDevice(req).orElse(null));
        Session session = result.session();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("token", result.token().reveal());
        json.put("csrfToken", result.token().csrfToken());
        json.put("session", views.session(session));
        json.put("user", views.account(result.account()));
        res.headers().addCookie(cookies.issue(result.token().reveal(),
                Duration.between(session.createdAt(), session.expiresAt())));
        res.headers().addCookie(cookies.issueDevice(result.device()));
        Responses.json(res, Status.CREATED_201, json);
    }

    private void session(ServerRequest req, ServerResponse res) {
        AuthenticatedSession current = authenticator.authenticate(req);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("session", views.session(current.session()));
        json.put("user", views.account(current.account()));
        authenticator.csrfTokenOfCookieSession(req).ifPresent(csrf -> json.put("csrfToken", csrf));
        Responses.json(res, Status.OK_200, json);
    }

    private void reauthenticate(ServerRequest req, ServerResponse res) {
        AuthenticatedSession current = authenticator.authenticate(req);
        JsonBody body = JsonBody.read(req, Set.of("password"));
        reauthenticate.reauthenticate(current, body.requiredPassword("password"),
                cookies.presentedDevice(req).orElse(null), clients.read(req));
        Responses.noContent(res);
    }

    private void logout(ServerRequest req, ServerResponse res) {
        AuthenticatedSession current = authenticator.authenticate(req);
        logout.logout(current, clients.read(req));
        res.headers().addCookie(cookies.clear());
        Responses.noContent(res);
    }
}

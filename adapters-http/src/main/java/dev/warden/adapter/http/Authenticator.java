package dev.warden.adapter.http;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.application.port.in.sessions.ValidateSessionUseCase;
import dev.warden.domain.SessionToken;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates a request by its {@code warden_session} cookie or {@code Authorization: Bearer}
 * token. A cookie is sent by the browser on its own, so a state-changing request that relies on it
 * must also prove it comes from the console: the {@code X-Warden-CSRF} header. A bearer token is
 * only sent deliberately, so bearer requests need no CSRF header.
 */
final class Authenticator {
    static final HeaderName CSRF_HEADER = HeaderNames.create("X-Warden-CSRF");
    private static final Set<Method> SAFE_METHODS = Set.of(Method.GET, Method.HEAD, Method.OPTIONS);
    private static final String BEARER = "bearer ";

    private final ValidateSessionUseCase validateSession;
    private final SessionCookies cookies;

    Authenticator(ValidateSessionUseCase validateSession, SessionCookies cookies) {
        this.validateSession = Objects.requireNonNull(validateSession, "validateSession");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
    }

    /**
     * @throws Unauthenticated without a valid session
     * @throws HttpProblem     csrf-token-invalid for a cookie-authenticated unsafe request without the right header
     */
    AuthenticatedSession authenticate(ServerRequest req) {
        Optional<String> bearer = bearerToken(req);
        if (bearer.isPresent()) {
            return validateSession.validate(bearer.get());
        }
        String cookie = cookies.presentedSession(req)
                .orElseThrow(() -> new Unauthenticated("Log in first: no session cookie or bearer token was sent."));
        AuthenticatedSession current = validateSession.validate(cookie);
        if (!SAFE_METHODS.contains(req.prologue().method())) {
            String presented = req.headers().first(CSRF_HEADER).orElse(null);
            if (!csrfMatches(cookie, presented)) {
                throw new HttpProblem(ProblemType.CSRF_TOKEN_INVALID,
                        "A cookie-authenticated request that changes state needs the X-Warden-CSRF header"
                                + " with the csrfToken of the login response.");
            }
        }
        return current;
    }

    /**
     * The CSRF token of a cookie-authenticated request's session, so that a console tab that has
     * the cookie but not the login response (a new tab, a reload) can still change state. It is
     * readable only by a same-origin script, which is exactly who may use it. Bearer clients need none.
     */
    Optional<String> csrfTokenOfCookieSession(ServerRequest req) {
        if (req.headers().contains(HeaderNames.AUTHORIZATION)) {
            return Optional.empty();
        }
        return cookies.presentedSession(req).map(cookie -> SessionToken.parse(cookie).csrfToken());
    }

    private static boolean csrfMatches(String cookie, String presented) {
        try {
            return SessionToken.parse(cookie).matchesCsrf(presented);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @throws dev.warden.application.port.in.Forbidden for the USER role */
    Actor requireAdministrator(ServerRequest req) {
        return authenticate(req).actor().requireAdministrator();
    }

    private static Optional<String> bearerToken(ServerRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.length() <= BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Unauthenticated("The Authorization header must be 'Bearer <token>'.");
        }
        return Optional.of(value.substring(BEARER.length()).strip());
    }
}

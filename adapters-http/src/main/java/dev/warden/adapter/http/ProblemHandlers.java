package dev.warden.adapter.http;

import dev.warden.application.port.in.Forbidden;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.accounts.UserNotFound;
import dev.warden.application.port.in.accounts.UsernameTaken;
import dev.warden.application.port.in.alarms.AlarmNotFound;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.application.port.in.auth.ReauthenticationRequired;
import dev.warden.application.port.in.auth.TooManyLoginAttempts;
import dev.warden.application.port.in.sessions.SessionNotFound;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.application.port.in.ssf.AuthenticateReceiverUseCase.InvalidReceiverToken;
import dev.warden.application.port.in.ssf.IssueReceiverTokenUseCase.InvalidClient;
import dev.warden.application.port.in.ssf.IssueReceiverTokenUseCase.InvalidScope;
import dev.warden.application.port.in.ssf.IssueReceiverTokenUseCase.TooManyClientAuthentications;
import dev.warden.application.port.in.ssf.ReceiverNotFound;
import dev.warden.application.port.in.ssf.StreamNotFound;
import dev.warden.application.port.in.ssf.TooManyVerifications;
import dev.warden.application.port.in.ssf.TooManyWaitingPolls;
import dev.warden.application.port.out.TemporarilyUnavailable;
import dev.warden.domain.OwnerProtected;
import dev.warden.domain.PasswordRejected;
import dev.warden.domain.SessionLimitReached;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that turns exceptions into RFC 9457 problem details. Handlers throw; nothing else
 * writes an error body.
 */
final class ProblemHandlers {
    static final String PROBLEM_JSON = "application/problem+json";
    private static final System.Logger LOG = System.getLogger(ProblemHandlers.class.getName());
    // One text for every login failure, whatever the service's message, so nothing tells them apart.
    private static final String CREDENTIALS_DETAIL = "The username or password is wrong, or the account cannot log in.";

    private ProblemHandlers() {
    }

    static void register(HttpRouting.Builder routing) {
        routing.error(InvalidRequest.class, (req, res, e) -> send(res, ProblemType.INVALID_REQUEST, e.getMessage()))
                .error(PasswordRejected.class, (req, res, e) -> send(res, ProblemType.PASSWORD_POLICY, e.getMessage()))
                .error(InvalidCredentials.class,
                        (req, res, e) -> send(res, ProblemType.INVALID_CREDENTIALS, CREDENTIALS_DETAIL))
                .error(Unauthenticated.class, (req, res, e) -> send(res, ProblemType.UNAUTHENTICATED, e.getMessage()))
                .error(Forbidden.class, (req, res, e) -> send(res, ProblemType.FORBIDDEN, e.getMessage()))
                .error(ReauthenticationRequired.class,
                        (req, res, e) -> send(res, ProblemType.REAUTHENTICATION_REQUIRED, e.getMessage()))
                .error(SessionNotFound.class, (req, res, e) -> send(res, ProblemType.SESSION_NOT_FOUND, e.getMessage()))
                .error(UserNotFound.class, (req, res, e) -> send(res, ProblemType.USER_NOT_FOUND, e.getMessage()))
                .error(AlarmNotFound.class, (req, res, e) -> send(res, ProblemType.ALARM_NOT_FOUND, e.getMessage()))
                .error(UsernameTaken.class, (req, res, e) -> send(res, ProblemType.USERNAME_TAKEN, e.getMessage()))
                .error(SessionLimitReached.class,
                        (req, res, e) -> send(res, ProblemType.SESSION_LIMIT_REACHED, e.getMessage()))
                .error(OwnerProtected.class, (req, res, e) -> send(res, ProblemType.OWNER_PROTECTED, e.getMessage()))
                .error(TemporarilyUnavailable.class, ProblemHandlers::unavailable)
                .error(TooManyLoginAttempts.class, (req, res, e) -> {
                    res.headers().set(HeaderNames.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
                    send(res, ProblemType.TOO_MANY_REQUESTS, e.getMessage());
                })
                .error(ReceiverNotFound.class, (req, res, e) -> send(res, ProblemType.NOT_FOUND, e.getMessage()))
                .error(StreamNotFound.class, (req, res, e) -> send(res, ProblemType.NOT_FOUND, e.getMessage()))
                .error(TooManyVerifications.class, (req, res, e) -> {
                    res.headers().set(HeaderNames.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
                    send(res, ProblemType.TOO_MANY_REQUESTS, e.getMessage());
                })
                .error(TooManyWaitingPolls.class, (req, res, e) -> {
                    res.headers().set(HeaderNames.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
                    send(res, ProblemType.TOO_MANY_REQUESTS, e.getMessage());
                })
                // OAuth and Shared Signals receivers parse RFC 6749 / RFC 6750 errors, not problem details.
                .error(OAuthError.class, (req, res, e) -> e.send(res))
                .error(InvalidClient.class, (req, res, e) -> OAuthError.invalidClient(e.getMessage()).send(res))
                .error(InvalidScope.class, (req, res, e) -> OAuthError.invalidScope(e.getMessage()).send(res))
                .error(TooManyClientAuthentications.class,
                        (req, res, e) -> OAuthError.throttled(e.getMessage(), e.retryAfterSeconds()).send(res))
                .error(InvalidReceiverToken.class, (req, res, e) -> OAuthError.invalidToken(e.getMessage()).send(res))
                .error(HttpProblem.class, (req, res, e) -> {
                    if (e.closesConnection()) {
                        res.header(HeaderValues.CONNECTION_CLOSE);
                    }
                    send(res, e.type(), e.getMessage());
                })
                .error(HttpException.class, ProblemHandlers::helidonError)
                .error(Exception.class, ProblemHandlers::unexpected);
    }

    /**
     * Problems for requests Helidon rejects before routing (a broken request target, oversized
     * headers): same body, generic detail, no echo of what was sent.
     */
    static DirectHandlers directHandlers() {
        DirectHandler handler = (request, eventType, helidonStatus, headers, message) -> {
            // A body past the payload limit, or an HTTP version other than 1.1, is bad input like any
            // other: 400 (JsonBody answers the same below the limit). Only a server fault is a 5xx.
            Status status = helidonStatus.code() == 413 || helidonStatus.code() == 505
                    ? Status.BAD_REQUEST_400 : helidonStatus;
            ProblemType type = forStatus(status);
            headers.set(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
            SecurityHeaders.applyTo(headers, true);
            return DirectHandler.TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .entity(Json.write(body(type, status, genericDetail(helidonStatus))))
                    .build();
        };
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType eventType : DirectHandler.EventType.values()) {
            builder.addHandler(eventType, handler);
        }
        return builder.build();
    }

    /** Helidon's own failures inside routing: keep the status, hide internals. */
    private static void helidonError(ServerRequest req, ServerResponse res, HttpException e) {
        if (e.status().code() < 400) {
            // Not an error: the static console answers a revalidation with 304 this way.
            res.status(e.status());
            e.headers().forEach(res.headers()::set);
            res.send();
            return;
        }
        if (e.status().code() >= 500) {
            unexpected(req, res, e);
            return;
        }
        send(res, forStatus(e.status()), genericDetail(e.status()));
    }

    private static ProblemType forStatus(Status status) {
        return switch (status.code()) {
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            default -> status.code() >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.INVALID_REQUEST;
        };
    }

    private static String genericDetail(Status status) {
        return "The request could not be processed (" + status.code() + " " + status.reasonPhrase() + ").";
    }

    /**
     * The database is unreachable or the password hashing slots stayed full: 503 with Retry-After,
     * never a 500. Logged at FINE only: an outage would otherwise write a line per request (the pool
     * and the relay already report it once).
     */
    private static void unavailable(ServerRequest req, ServerResponse res, TemporarilyUnavailable e) {
        LOG.log(Level.DEBUG, () -> "Unavailable: " + req.prologue().method().text() + " "
                + AccessLog.safePath(req.path().rawPath()) + ": " + e.getClass().getSimpleName());
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        if (!res.isSent()) {
            res.headers().set(HeaderNames.RETRY_AFTER, String.valueOf(seconds));
        }
        send(res, ProblemType.SERVICE_UNAVAILABLE, e.getMessage() + " Try again in " + seconds
                + (seconds == 1 ? " second." : " seconds."));
    }

    private static void unexpected(ServerRequest req, ServerResponse res, Exception e) {
        // Method and path only: a query string, header or body could carry a secret.
        LOG.log(Level.ERROR, "Unexpected error serving " + req.prologue().method().text() + " "
                + AccessLog.safePath(req.path().rawPath()), e);
        send(res, ProblemType.INTERNAL_ERROR, "An unexpected error occurred; it has been logged.");
    }

    private static void send(ServerResponse res, ProblemType type, String detail) {
        if (res.isSent()) {
            return;
        }
        res.status(type.status());
        SecurityHeaders.applyTo(res.headers(), true);
        if (type.status() == Status.UNAUTHORIZED_401) {
            res.headers().set(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"warden\"");
        }
        res.headers().set(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        res.send(Json.write(body(type, type.status(), detail)));
    }

    /** The RFC 9457 body; {@code status} is the type's own except where Helidon fixed another 4xx. */
    private static Map<String, Object> body(ProblemType type, Status status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", status.code());
        body.put("detail", detail == null || detail.isBlank() ? type.title() + "." : detail);
        return body;
    }
}

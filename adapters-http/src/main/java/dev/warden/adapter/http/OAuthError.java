package dev.warden.adapter.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error of the OAuth token endpoint (RFC 6749 section 5.2) or of a bearer-token check (RFC 6750
 * section 3): a JSON body {@code {error, error_description}}, not problem details, because OAuth
 * clients parse {@code error}. Never cached. The description is safe to show and never echoes a secret.
 *
 * @param challenge the WWW-Authenticate value, or null
 */
final class OAuthError extends RuntimeException {
    static final String REALM = "warden";

    private final Status status;
    private final String error;
    private final String challenge;
    private final Long retryAfterSeconds;

    private OAuthError(Status status, String error, String description, String challenge, Long retryAfterSeconds) {
        super(description, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.error = Objects.requireNonNull(error, "error");
        this.challenge = challenge;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400 {@code invalid_request}: a missing, repeated or malformed parameter, or two authentication methods. */
    static OAuthError invalidRequest(String description) {
        return new OAuthError(Status.BAD_REQUEST_400, "invalid_request", description, null, null);
    }

    /** 400 {@code unsupported_grant_type}. */
    static OAuthError unsupportedGrantType(String description) {
        return new OAuthError(Status.BAD_REQUEST_400, "unsupported_grant_type", description, null, null);
    }

    /** 400 {@code invalid_scope}. */
    static OAuthError invalidScope(String description) {
        return new OAuthError(Status.BAD_REQUEST_400, "invalid_scope", description, null, null);
    }

    /** 401 {@code invalid_client}, with the Basic challenge RFC 6749 asks for. */
    static OAuthError invalidClient(String description) {
        return new OAuthError(Status.UNAUTHORIZED_401, "invalid_client", description,
                "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"", null);
    }

    /**
     * 429 {@code temporarily_unavailable} with Retry-After: too many failed client authentications
     * from one address. RFC 6749 names no error for this; {@code temporarily_unavailable} is its
     * registered code for "try again later".
     */
    static OAuthError throttled(String description, long retryAfterSeconds) {
        return new OAuthError(Status.TOO_MANY_REQUESTS_429, "temporarily_unavailable", description, null,
                retryAfterSeconds);
    }

    /** 401 {@code invalid_token} (RFC 6750): missing, unknown, expired, or its client revoked. */
    static OAuthError invalidToken(String description) {
        return new OAuthError(Status.UNAUTHORIZED_401, "invalid_token", description,
                bearer("invalid_token", description, null), null);
    }

    /** 403 {@code insufficient_scope} (RFC 6750), naming the scope the call needs. */
    static OAuthError insufficientScope(String scope) {
        String description = "This call needs the scope " + scope + ".";
        return new OAuthError(Status.FORBIDDEN_403, "insufficient_scope", description,
                bearer("insufficient_scope", description, scope), null);
    }

    private static String bearer(String error, String description, String scope) {
        // The description is Warden's own text: no quote or backslash to escape.
        return "Bearer realm=\"" + REALM + "\", error=\"" + error + "\", error_description=\"" + description + "\""
                + (scope == null ? "" : ", scope=\"" + scope + "\"");
    }

    Status status() {
        return status;
    }

    String error() {
        return error;
    }

    /** Writes the answer (the error handler's one job for this exception). */
    void send(ServerResponse res) {
        if (res.isSent()) {
            return;
        }
        res.status(status);
        SecurityHeaders.applyTo(res.headers(), true);
        if (challenge != null) {
            res.headers().set(HeaderNames.WWW_AUTHENTICATE, challenge);
        }
        if (retryAfterSeconds != null) {
            res.headers().set(HeaderNames.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        }
        OAuthResponses.noStore(res);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", getMessage());
        res.headers().set(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.write(body));
    }
}

package dev.warden.adapter.http;

import io.helidon.http.Status;

/** Every problem the API answers with: RFC 9457 type slug, HTTP status and a fixed title. */
enum ProblemType {
    INVALID_REQUEST("invalid-request", Status.BAD_REQUEST_400, "Invalid request"),
    PASSWORD_POLICY("password-policy", Status.BAD_REQUEST_400, "Password does not meet the policy"),
    INVALID_CREDENTIALS("invalid-credentials", Status.UNAUTHORIZED_401, "Invalid credentials"),
    UNAUTHENTICATED("unauthenticated", Status.UNAUTHORIZED_401, "Authentication required"),
    FORBIDDEN("forbidden", Status.FORBIDDEN_403, "Forbidden"),
    REAUTHENTICATION_REQUIRED("reauthentication-required", Status.FORBIDDEN_403, "Re-authentication required"),
    CSRF_TOKEN_INVALID("csrf-token-invalid", Status.FORBIDDEN_403, "CSRF token missing or invalid"),
    NOT_FOUND("not-found", Status.NOT_FOUND_404, "Not found"),
    SESSION_NOT_FOUND("session-not-found", Status.NOT_FOUND_404, "Session not found"),
    USER_NOT_FOUND("user-not-found", Status.NOT_FOUND_404, "User not found"),
    ALARM_NOT_FOUND("alarm-not-found", Status.NOT_FOUND_404, "Alarm not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", Status.METHOD_NOT_ALLOWED_405, "Method not allowed"),
    USERNAME_TAKEN("username-taken", Status.CONFLICT_409, "Username taken"),
    SESSION_LIMIT_REACHED("session-limit-reached", Status.CONFLICT_409, "Session limit reached"),
    OWNER_PROTECTED("owner-protected", Status.CONFLICT_409, "Owner account is protected"),
    TOO_MANY_REQUESTS("too-many-requests", Status.TOO_MANY_REQUESTS_429, "Too many requests"),
    INTERNAL_ERROR("internal-error", Status.INTERNAL_SERVER_ERROR_500, "Internal error"),
    SERVICE_UNAVAILABLE("service-unavailable", Status.SERVICE_UNAVAILABLE_503, "Service unavailable");

    static final String TYPE_PREFIX = "https://warden.dev/problems/";

    private final String slug;
    private final Status status;
    private final String title;

    ProblemType(String slug, Status status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    String slug() {
        return slug;
    }

    String uri() {
        return TYPE_PREFIX + slug;
    }

    Status status() {
        return status;
    }

    String title() {
        return title;
    }
}

package dev.warden.application.port.in.sessions;

/** Answers "is this session still valid?" for a request, and counts the request as activity. */
public interface ValidateSessionUseCase {
    /** @throws Unauthenticated when the token is missing, malformed, unknown, ended or expired */
    AuthenticatedSession validate(String presentedToken);
}

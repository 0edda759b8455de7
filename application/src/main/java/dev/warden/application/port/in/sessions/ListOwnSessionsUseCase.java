package dev.warden.application.port.in.sessions;

import dev.warden.domain.Session;
import java.util.List;

/** Any user sees their own active sessions, newest activity first. */
public interface ListOwnSessionsUseCase {
    List<Session> listOwn(AuthenticatedSession current);
}

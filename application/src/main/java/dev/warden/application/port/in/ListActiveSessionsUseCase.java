package dev.warden.application.port.in;

import dev.warden.domain.Session;

/** The Sessions page: active sessions only, newest activity first. */
public interface ListActiveSessionsUseCase {
    Page<Session> list(ActiveSessionQuery query, Actor actor);
}

package dev.warden.application.port.in.sessions;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Page;
import dev.warden.domain.Session;

/** The Sessions page: active sessions only, newest activity first. */
public interface ListActiveSessionsUseCase {
    Page<Session> list(ActiveSessionQuery query, Actor actor);
}

package dev.warden.application.service.sessions;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.ListActiveSessionsUseCase;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.service.Now;
import dev.warden.domain.Session;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;

/** The Sessions page: active sessions only, for administrators. */
public record ListActiveSessionsService(SessionStore sessions, WardenPolicy policy, Clock clock)
        implements ListActiveSessionsUseCase {

    @Override
    public Page<Session> list(ActiveSessionQuery query, Actor actor) {
        actor.requireAdministrator();
        return sessions.listActive(query, ActiveWindow.at(Now.of(clock), policy));
    }
}

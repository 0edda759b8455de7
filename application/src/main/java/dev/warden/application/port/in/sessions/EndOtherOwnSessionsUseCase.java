package dev.warden.application.port.in.sessions;

import dev.warden.domain.ClientInfo;

/** "Log out other devices": every own session but the current one ends. */
public interface EndOtherOwnSessionsUseCase {
    /** @return how many sessions were ended */
    int endOthers(AuthenticatedSession current, ClientInfo client);
}

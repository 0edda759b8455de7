package dev.warden.application.port.in.sessions;

import dev.warden.domain.ClientInfo;

/** Ends the caller's own session. */
public interface LogoutUseCase {
    void logout(AuthenticatedSession current, ClientInfo client);
}

package dev.warden.application.port.in;

import dev.warden.domain.Account;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.Session;
import dev.warden.domain.SessionToken;

/** Logs a user in and opens a session. */
public interface LoginUseCase {
    /**
     * @throws InvalidCredentials for an unknown user, a wrong password, a locked or a disabled
     *                            account alike
     * @throws dev.warden.domain.SessionLimitReached when the user holds the maximum of sessions
     */
    LoginResult login(String username, String password, ClientInfo client);

    /** The new session and the token that opens it, which is shown to the client this once. */
    record LoginResult(SessionToken token, Session session, Account account) {
    }
}

package dev.warden.application.port.in.auth;

import dev.warden.application.port.in.accounts.AccountView;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.DeviceToken;
import dev.warden.domain.Session;
import dev.warden.domain.SessionToken;
import java.util.Objects;

/** Logs a user in and opens a session. */
public interface LoginUseCase {
    /**
     * @param device the device token the browser presented (its {@code warden_device} cookie), or
     *               null when it sent none or a malformed one
     * @throws InvalidCredentials for an unknown user, a wrong password, a locked or a disabled
     *                            account alike
     * @throws TooManyLoginAttempts when this client failed too many logins lately (never for a
     *                              device known for this user)
     * @throws dev.warden.domain.SessionLimitReached when the user holds the maximum of sessions
     */
    LoginResult login(String username, String password, ClientInfo client, DeviceToken device);

    /** A login from a client that presents no device token. */
    default LoginResult login(String username, String password, ClientInfo client) {
        return login(username, password, client, null);
    }

    /**
     * The new session and the token that opens it, which is shown to the client this once, and
     * the device token the browser is to keep (now known for this user). The account comes as an
     * {@link AccountView}: the password hash stays in the application.
     */
    record LoginResult(SessionToken token, Session session, AccountView account, DeviceToken device) {
        public LoginResult {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(device, "device");
        }
    }
}

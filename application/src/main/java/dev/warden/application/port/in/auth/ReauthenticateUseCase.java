package dev.warden.application.port.in.auth;

import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.DeviceToken;

/**
 * The current session proves its user's password again, so that it counts as freshly
 * authenticated for the sensitive actions (step-up). Audited REAUTHENTICATED.
 */
public interface ReauthenticateUseCase {
    /**
     * @param presentedDevice the browser's device token, or null: a known device answers to its own
     *                        lock and failure count, as at login
     * @throws InvalidCredentials for a wrong password (counted toward the lockout like a failed login)
     *                            or while the account (or the device) is locked
     * @throws Unauthenticated    when the session ended meanwhile
     */
    void reauthenticate(AuthenticatedSession current, String password, DeviceToken presentedDevice, ClientInfo client);
}

package dev.warden.application.port.in.auth;

import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.DeviceToken;

/**
 * Any user changes their own password; every other session of theirs ends, the current one stays,
 * and every known device of theirs is forgotten but the one the change came from.
 */
public interface ChangeOwnPasswordUseCase {
    /**
     * @throws InvalidCredentials when the current password is wrong (counted toward the lockout like a
     *                            failed login) or the account is locked
     * @throws dev.warden.domain.PasswordRejected naming the broken rule of the new password
     * @throws Unauthenticated    when the current session ended meanwhile
     * @param presentedDevice the browser's device token, or null; kept when it is one of the user's
     */
    void changePassword(AuthenticatedSession current, String currentPassword, String newPassword, ClientInfo client,
                        DeviceToken presentedDevice);
}

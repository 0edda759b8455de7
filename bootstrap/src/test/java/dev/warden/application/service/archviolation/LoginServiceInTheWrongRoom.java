package dev.warden.application.service.archviolation;

import dev.warden.application.port.in.auth.LoginUseCase;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.DeviceToken;

/** Violates the layout rule: a service of the auth capability outside service.auth. */
public final class LoginServiceInTheWrongRoom implements LoginUseCase {
    @Override
    public LoginResult login(String username, String password, ClientInfo client, DeviceToken device) {
        throw new UnsupportedOperationException("fixture");
    }
}

package dev.warden.adapter.password.archviolation;

import dev.warden.application.service.accounts.CreateUserService;

/** Fixture: breaks "adapters reach the application through its ports only" by using a service class. */
public class PasswordAdapterCallingAUseCaseService {
    public String call(CreateUserService service) {
        return service.toString();
    }
}

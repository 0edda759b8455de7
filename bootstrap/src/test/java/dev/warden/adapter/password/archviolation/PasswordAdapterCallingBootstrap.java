package dev.warden.adapter.password.archviolation;

import dev.warden.bootstrap.archviolation.BootstrapThing;

/** Fixture: breaks "nothing depends on bootstrap" from inside the password adapter. */
public class PasswordAdapterCallingBootstrap {
    public String call(BootstrapThing thing) {
        return thing.name();
    }
}

package dev.warden.adapter.password.archviolation;

import dev.warden.adapter.db.archviolation.DatabaseAdapterThing;

/** Fixture: breaks "no adapter depends on another" from inside the password adapter. */
public class PasswordAdapterCallingTheDatabaseAdapter {
    public String call(DatabaseAdapterThing thing) {
        return thing.name();
    }
}

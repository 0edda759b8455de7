package dev.warden.adapter.http.archviolation;

import dev.warden.adapter.db.archviolation.DatabaseAdapterThing;

/** Fixture: breaks "no adapter depends on another". */
public class HttpAdapterCallingTheDatabaseAdapter {
    public String call(DatabaseAdapterThing thing) {
        return thing.name();
    }
}

package dev.warden.adapter.db.archviolation;

/** Fixture: something in the database adapter that another adapter should not reach. */
public class DatabaseAdapterThing {
    public String name() {
        return "db";
    }
}

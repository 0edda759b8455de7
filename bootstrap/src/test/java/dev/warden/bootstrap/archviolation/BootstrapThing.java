package dev.warden.bootstrap.archviolation;

/** Fixture: something in the composition root. */
public class BootstrapThing {
    public String name() {
        return "bootstrap";
    }
}

package dev.warden.application.support;

import java.lang.System.Logger.Level;
import java.util.function.Function;

/**
 * The log lines of a background job's failed passes: one WARNING when a run of failures starts (not
 * one per retry; the description only, no stack trace, since messages are written to be safe to log),
 * one INFO when a pass succeeds again. Used by the job's own thread only.
 */
final class FailureLog {
    private final String name;
    private final System.Logger log;
    private final Function<RuntimeException, String> describe;
    private int failures;

    FailureLog(String name, System.Logger log, Function<RuntimeException, String> describe) {
        this.name = name;
        this.log = log;
        this.describe = describe;
    }

    /** @param retrying when the next attempt comes, e.g. "in PT30S" */
    void failed(RuntimeException e, String retrying) {
        if (failures++ == 0) {
            log.log(Level.WARNING, name + ": " + describe.apply(e) + "; retrying " + retrying);
        }
    }

    void succeeded() {
        if (failures > 0) {
            log.log(Level.INFO, name + " recovered after " + failures + " failed attempt(s)");
            failures = 0;
        }
    }
}

package dev.warden.application.support;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Function;

/**
 * The log lines of a background job's failed passes: one WARNING when a run of failures starts (not
 * one per retry), one INFO when a pass succeeds again. Used by the job's own thread only.
 */
final class FailureLog {
    private final String name;
    private final System.Logger log;
    private final Function<RuntimeException, String> describe;
    private int failures;

    /**
     * @param name     the job's thread name, which starts every line
     * @param describe the WARNING's words for a failure (no stack trace: messages are written to be safe to log)
     */
    FailureLog(String name, System.Logger log, Function<RuntimeException, String> describe) {
        this.name = name;
        this.log = Objects.requireNonNull(log, "log");
        this.describe = Objects.requireNonNull(describe, "describe");
    }

    /** The default description: the exception's class and message. */
    static String classAndMessage(RuntimeException e) {
        return e.getClass().getSimpleName() + " (" + e.getMessage() + ")";
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

    /** The checks both job types make of what they are given. */
    static Duration positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return duration;
    }
}

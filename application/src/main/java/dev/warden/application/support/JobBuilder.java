package dev.warden.application.support;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every background job is told, whatever its timing: its thread's name (which also starts its log
 * lines), where it logs, the words for a failed pass, and how long closing waits for a pass in hand.
 * The builders of {@link FixedDelayJob} and {@link BackgroundLoop} add the timing.
 *
 * @param <B> the builder itself, so the calls chain
 */
abstract class JobBuilder<B extends JobBuilder<B>> {
    /** How long closing waits for a pass in hand before interrupting it, unless set. */
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(15);

    private final String name;
    /** By default the job type's own logger (BackgroundLoop's, FixedDelayJob's). */
    private System.Logger log = System.getLogger(getClass().getEnclosingClass().getName());
    private Function<RuntimeException, String> describeFailure = e -> e.getClass().getSimpleName() + " ("
            + e.getMessage() + ")";
    private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;

    JobBuilder(String name) {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
    }

    abstract B self();

    /** Where failures and recoveries are logged: the owner's logger, so its name is in the log. */
    public B logTo(System.Logger logger) {
        this.log = Objects.requireNonNull(logger, "logger");
        return self();
    }

    /** The WARNING's words for a failed pass (no secret: it is logged); by default the exception's class and message. */
    public B describeFailures(Function<RuntimeException, String> describe) {
        this.describeFailure = Objects.requireNonNull(describe, "describe");
        return self();
    }

    /** How long closing waits for a pass in hand before interrupting it. */
    public B stopTimeout(Duration timeout) {
        this.stopTimeout = positive(timeout, "timeout");
        return self();
    }

    FailureLog failureLog() {
        return new FailureLog(name, log, describeFailure);
    }

    BoundedStop boundedStop() {
        return new BoundedStop(name, log, stopTimeout);
    }

    /** A platform thread: interrupting a virtual thread blocked on a socket closes the socket (a JDBC connection). */
    Thread.Builder.OfPlatform daemonThread() {
        return Thread.ofPlatform().daemon().name(name);
    }

    static Duration positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return duration;
    }
}

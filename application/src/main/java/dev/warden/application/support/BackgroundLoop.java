package dev.warden.application.support;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One background job of the service on a named daemon thread: runs a pass, rests, runs again,
 * until {@link #close()}. A failed pass never ends the loop: it is retried after a pause that
 * grows from {@code initial} to {@code max}, with one WARNING per run of failures (not per
 * retry) and one INFO when a pass succeeds again.
 *
 * <p>Three ways to rest. {@link Builder#every(Duration)}: a fixed pause after each pass (the
 * expiry sweep, retention, pruning). {@link Builder#restingOn(IdleWait, Duration)}: a pass says
 * whether more work is waiting; while it is, the next pass follows at once, and when it is not the
 * loop waits on the given signal (the outbox's commit notification) for at most the interval.
 * {@link Builder#backToBack()}: no rest, for a pass that waits by itself (a Kafka poll).
 *
 * <p>Closing stops the loop, wakes it from a rest at once, and waits a bounded time for a pass in
 * hand to finish; only a pass that overruns that bound is interrupted. The thread is a platform
 * thread: interrupting a virtual thread blocked on a socket closes the socket (a JDBC connection).
 *
 * <pre>{@code
 * BackgroundLoop sweeper = BackgroundLoop.named("warden-expiry-sweeper").logTo(LOG)
 *         .every(Duration.ofSeconds(30))
 *         .start(sweep::sweepOnce);
 * sweeper.close();
 * }</pre>
 */
public final class BackgroundLoop implements AutoCloseable {
    /** How long {@link #close()} waits for a pass in hand before interrupting it, unless set. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration INTERRUPTED_PASS_TIMEOUT = Duration.ofSeconds(5);

    /** One pass of the work. */
    @FunctionalInterface
    public interface Pass {
        /** @return true when more work is waiting now (the next pass follows at once), false to rest */
        boolean run();
    }

    /** What a loop that rests on a signal waits on, e.g. a commit notification. */
    @FunctionalInterface
    public interface IdleWait {
        /** Returns when signalled or after {@code atMost}; may be interrupted by {@link #close()}. */
        void await(Duration atMost) throws InterruptedException;
    }

    private final String name;
    private final System.Logger log;
    private final Duration interval;
    private final IdleWait idleWait;
    private final boolean backToBack;
    private final Duration firstPassAfter;
    private final Duration initialRetry;
    private final Duration maxRetry;
    private final Function<RuntimeException, String> describeFailure;
    private final Runnable onStop;
    private final Runnable onExit;
    private final Duration stopTimeout;
    private final Pass pass;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    /** True only inside an {@link IdleWait}: the one moment close() interrupts without harm. */
    private volatile boolean waitingForSignal;

    private BackgroundLoop(Builder b, Pass pass) {
        this.name = b.name;
        this.log = b.log;
        this.interval = b.interval;
        this.idleWait = b.idleWait;
        this.backToBack = b.backToBack;
        this.firstPassAfter = b.firstPassAfter != null ? b.firstPassAfter
                : idleWait == null && !backToBack ? interval : Duration.ZERO;
        this.initialRetry = b.initialRetry != null ? b.initialRetry : interval;
        this.maxRetry = b.maxRetry != null ? b.maxRetry : interval;
        this.describeFailure = b.describeFailure;
        this.onStop = b.onStop;
        this.onExit = b.onExit;
        this.stopTimeout = b.stopTimeout;
        this.pass = pass;
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
    }

    /** A loop whose thread has this name; the name also starts every log line of it. */
    public static Builder named(String threadName) {
        return new Builder(threadName);
    }

    private void run() {
        try {
            if (!rest(firstPassAfter)) {
                return;
            }
            Duration pause = initialRetry;
            int failures = 0;
            while (running) {
                try {
                    boolean moreWaiting = pass.run();
                    if (failures > 0) {
                        log.log(Level.INFO, name + " recovered after " + failures + " failed attempt(s)");
                        failures = 0;
                        pause = initialRetry;
                    }
                    if (!moreWaiting) {
                        idle();
                    }
                } catch (RuntimeException e) {
                    if (!running) {
                        return; // close() cut the pass short (e.g. woke a blocking poll): not a failure
                    }
                    if (failures++ == 0) {
                        // The description only, no stack trace: messages are written to be safe to log.
                        log.log(Level.WARNING, name + ": " + describeFailure.apply(e) + "; retrying " + retrying());
                    }
                    rest(pause);
                    pause = pause.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : pause.multipliedBy(2);
                }
            }
        } finally {
            onExit.run();
        }
    }

    private String retrying() {
        return initialRetry.equals(maxRetry) ? "in " + initialRetry : "with pauses growing to " + maxRetry;
    }

    private void idle() {
        if (backToBack) {
            return;
        }
        if (idleWait == null) {
            rest(interval);
            return;
        }
        waitingForSignal = true;
        try {
            // Re-checked after raising the flag, so close() either sees us waiting or we see it.
            if (running) {
                idleWait.await(interval);
            }
        } catch (InterruptedException e) {
            // close() interrupted the wait; the loop condition ends it.
        } finally {
            waitingForSignal = false;
        }
    }

    /** Waits {@code duration} unless closed first; false when closed. */
    private boolean rest(Duration duration) {
        try {
            return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return false; // only close() interrupts, and only after stopping
        }
    }

    /** Stops the loop: a rest ends at once; a pass in hand may finish within the stop timeout. */
    @Override
    public void close() {
        running = false;
        stopped.countDown();
        onStop.run();
        if (!thread.isAlive()) {
            if (thread.getState() == Thread.State.NEW) {
                onExit.run(); // never started: release what the loop would have released
            }
            return;
        }
        if (waitingForSignal) {
            thread.interrupt();
        }
        try {
            thread.join(stopTimeout);
            if (thread.isAlive()) {
                log.log(Level.WARNING, name + " did not stop within " + stopTimeout
                        + "; interrupting it");
                thread.interrupt();
                thread.join(INTERRUPTED_PASS_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the thread still runs (it ends only after {@link #close()}). */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /** How a loop runs; {@link #start} builds and starts it. */
    public static final class Builder {
        private final String name;
        private System.Logger log = System.getLogger(BackgroundLoop.class.getName());
        private Duration interval;
        private IdleWait idleWait;
        private boolean backToBack;
        private Duration firstPassAfter;
        private Duration initialRetry;
        private Duration maxRetry;
        private Function<RuntimeException, String> describeFailure = e -> e.getClass().getSimpleName() + " ("
                + e.getMessage() + ")";
        private Runnable onStop = () -> { };
        private Runnable onExit = () -> { };
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;

        private Builder(String name) {
            this.name = requireText(name);
        }

        /** Where failures and recoveries are logged: the owner's logger, so its name is in the log. */
        public Builder logTo(System.Logger logger) {
            this.log = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /** Rests {@code pause} after each pass; the first pass comes after one pause too, unless set. */
        public Builder every(Duration pause) {
            this.interval = positive(pause, "pause");
            this.idleWait = null;
            this.backToBack = false;
            return this;
        }

        /**
         * Runs passes back to back while they report more work, then waits on {@code signal} for at
         * most {@code atMost}; the first pass comes at once, unless set.
         */
        public Builder restingOn(IdleWait signal, Duration atMost) {
            this.idleWait = Objects.requireNonNull(signal, "signal");
            this.interval = positive(atMost, "atMost");
            this.backToBack = false;
            return this;
        }

        /**
         * Runs passes back to back, for a pass that waits by itself (a poll with a timeout); the first
         * pass comes at once, and a failed pass is retried after a second unless {@link #retryAfter} says otherwise.
         */
        public Builder backToBack() {
            this.idleWait = null;
            this.interval = Duration.ofSeconds(1);
            this.backToBack = true;
            return this;
        }

        public Builder firstPassAfter(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
            this.firstPassAfter = delay;
            return this;
        }

        /** The pause after a failed pass, doubled per further failure up to {@code max}; by default the interval. */
        public Builder retryAfter(Duration initial, Duration max) {
            this.initialRetry = positive(initial, "initial");
            this.maxRetry = positive(max, "max");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("max must not be below initial");
            }
            return this;
        }

        /** The WARNING's words for a failed pass (no secret: it is logged); by default the exception's class and message. */
        public Builder describeFailures(Function<RuntimeException, String> describe) {
            this.describeFailure = Objects.requireNonNull(describe, "describe");
            return this;
        }

        /** Run by {@link #close()} to unblock a pass that waits on something else (e.g. a Kafka poll's wakeup). */
        public Builder onStop(Runnable unblock) {
            this.onStop = Objects.requireNonNull(unblock, "unblock");
            return this;
        }

        /** Run last on the loop's own thread (or by close() when it never started): releases what the passes used. */
        public Builder onExit(Runnable release) {
            this.onExit = Objects.requireNonNull(release, "release");
            return this;
        }

        /** How long close() waits for a pass in hand before interrupting it. */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = positive(timeout, "timeout");
            return this;
        }

        /** Starts the loop; returns at once. */
        public BackgroundLoop start(Pass pass) {
            return build(pass).start();
        }

        /** Starts a loop whose passes never report more work waiting: it rests after each. */
        public BackgroundLoop start(Runnable job) {
            return build(job).start();
        }

        /** Like {@link #build(Pass)}, for passes that never report more work waiting. */
        public BackgroundLoop build(Runnable job) {
            Objects.requireNonNull(job, "job");
            return build(() -> {
                job.run();
                return false;
            });
        }

        /** Builds the loop without starting it ({@link BackgroundLoop#start()}); closing it unstarted runs the exit hook. */
        public BackgroundLoop build(Pass pass) {
            if (interval == null) {
                throw new IllegalStateException("say how the loop rests: every(...), restingOn(...) or backToBack()");
            }
            return new BackgroundLoop(this, Objects.requireNonNull(pass, "pass"));
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }

        private static String requireText(String name) {
            if (Objects.requireNonNull(name, "name").isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            return name;
        }
    }

    /** Starts a loop made by {@link Builder#build}; returns at once. */
    public BackgroundLoop start() {
        thread.start();
        return this;
    }
}

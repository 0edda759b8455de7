package dev.warden.application.support;

import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * How closing a background job ends its thread: a pass in hand may finish within {@code timeout};
 * only one that overruns it is interrupted (and given a few seconds more to go).
 */
record BoundedStop(String name, System.Logger log, Duration timeout) {
    private static final Duration INTERRUPTED_PASS_TIMEOUT = Duration.ofSeconds(5);

    /** Waits for the job's thread to end, at most {@code atMost}; true when it ended. */
    @FunctionalInterface
    interface Ending {
        boolean await(Duration atMost) throws InterruptedException;
    }

    /** Waits for {@code ending}; interrupts the job's thread only when the pass in hand overruns the timeout. */
    void await(Ending ending, Runnable interrupt) {
        try {
            if (!ending.await(timeout)) {
                log.log(Level.WARNING, name + " did not stop within " + timeout + "; interrupting it");
                interrupt.run();
                ending.await(INTERRUPTED_PASS_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

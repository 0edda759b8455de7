package dev.warden.bootstrap;

import dev.warden.application.port.in.sessions.SweepExpiredSessionsUseCase;
import dev.warden.application.support.FixedDelayJob;
import java.lang.System.Logger.Level;
import java.time.Duration;

/** Runs the expiry sweep every interval; a failed sweep is logged and the next one tries again. */
final class ExpirySweeper {
    private static final System.Logger LOG = System.getLogger(ExpirySweeper.class.getName());

    private ExpirySweeper() {
    }

    /** Starts the job on its own thread; closing it stops it. */
    static FixedDelayJob start(SweepExpiredSessionsUseCase sweep, Duration interval) {
        return FixedDelayJob.named("warden-expiry-sweeper").logTo(LOG).every(interval)
                .describeFailures(e -> "expiry sweep failed (" + e.getMessage() + ")")
                .start(() -> {
                    int ended = sweep.sweepOnce();
                    if (ended > 0) {
                        LOG.log(Level.DEBUG, "Ended {0} expired sessions", ended);
                    }
                });
    }
}

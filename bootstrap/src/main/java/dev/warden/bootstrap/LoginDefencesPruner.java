package dev.warden.bootstrap;

import dev.warden.application.port.in.auth.PruneLoginDefencesUseCase;
import dev.warden.application.support.FixedDelayJob;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Prunes the login throttle's past windows and expired known devices once per throttle window, so
 * the table holds about two windows' rows; a failed run is logged and the next one tries again.
 */
final class LoginDefencesPruner {
    private static final System.Logger LOG = System.getLogger(LoginDefencesPruner.class.getName());

    private LoginDefencesPruner() {
    }

    /** Starts the job on its own thread; closing it stops it. */
    static FixedDelayJob start(PruneLoginDefencesUseCase prune, Duration interval) {
        return FixedDelayJob.named("warden-login-defences-pruner").logTo(LOG).every(interval)
                .describeFailures(e -> "pruning the login defences failed (" + e.getMessage() + ")")
                .start(() -> {
                    int deleted = prune.pruneOnce();
                    if (deleted > 0) {
                        LOG.log(Level.DEBUG, "Pruned {0} login throttle windows and expired devices", deleted);
                    }
                });
    }
}

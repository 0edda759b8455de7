package dev.warden.bootstrap;

import dev.warden.application.port.in.ssf.PushStreamsUseCase;
import dev.warden.application.support.FixedDelayJob;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Pushes the push streams' queued SETs (RFC 8935) every 200 ms on every instance; the streams'
 * leases in the database keep each stream with one instance at a time. A pass with no push stream
 * due is one indexed UPDATE that touches no row, so the job costs next to nothing when no receiver
 * pushes. A failed pass is logged and the next one tries again.
 */
final class SsfPushJob {
    private static final System.Logger LOG = System.getLogger(SsfPushJob.class.getName());
    static final Duration EVERY = Duration.ofMillis(200);

    private SsfPushJob() {
    }

    /** Starts the job on its own thread; closing it stops it (a push in hand may finish first). */
    static FixedDelayJob start(PushStreamsUseCase push) {
        return FixedDelayJob.named("warden-ssf-push").logTo(LOG).every(EVERY)
                .describeFailures(e -> "SET push pass failed (" + e.getMessage() + ")")
                .start(() -> {
                    int delivered = push.pushDue();
                    if (delivered > 0) {
                        LOG.log(Level.DEBUG, "Pushed {0} SETs", delivered);
                    }
                });
    }
}

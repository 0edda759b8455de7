package dev.warden.bootstrap;

import dev.warden.application.port.in.ssf.FanOutEventsUseCase;
import dev.warden.application.support.FixedDelayJob;
import java.time.Duration;

/**
 * Queues Warden's events as SETs on the Shared Signals streams, every half second on every instance
 * (each batch skips the events another instance holds, so no election is needed). Started only
 * when Shared Signals is on. When nothing waits a pass is one indexed read; a batch that found
 * events is followed by the next at once, so a backlog drains without a pause per batch.
 */
final class SsfFanOutJob {
    private static final System.Logger LOG = System.getLogger(SsfFanOutJob.class.getName());
    static final Duration INTERVAL = Duration.ofMillis(200);
    private static final int MAX_BATCHES_PER_PASS = 50;

    private SsfFanOutJob() {
    }

    /** @param issuer the transmitter's issuer (WARDEN_PUBLIC_URL), which names users in the SETs */
    static FixedDelayJob start(FanOutEventsUseCase fanOut, String issuer) {
        return FixedDelayJob.named("warden-ssf-fan-out").logTo(LOG).every(INTERVAL)
                .describeFailures(e -> "Shared Signals fan-out failed (" + e.getMessage() + ")")
                .start(() -> {
                    int batches = 0;
                    // A pass ends when a batch finds nothing more or after a bounded number of
                    // batches, so closing never waits long for it.
                    while (fanOut.fanOutOnce(issuer) > 0 && ++batches < MAX_BATCHES_PER_PASS) {
                        // the next batch at once
                    }
                });
    }
}

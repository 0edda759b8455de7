package dev.warden.streams;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * REPLACE_THREAD for a stream thread that died, because the likely causes left after bad records
 * are skipped are transient (broker restarts, a fenced transactional producer), and exactly-once
 * makes the new thread resume from the last commit without duplicates. If threads keep dying
 * (a bug that replaying cannot cure), SHUTDOWN_CLIENT instead of looping forever.
 */
final class BoundedThreadReplacement implements StreamsUncaughtExceptionHandler {
    private static final System.Logger LOG = System.getLogger(BoundedThreadReplacement.class.getName());

    private final int maxReplacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    BoundedThreadReplacement(int maxReplacements, Duration window, Clock clock) {
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.clock = clock;
    }

    static BoundedThreadReplacement standard() {
        return new BoundedThreadReplacement(3, Duration.ofMinutes(10), Clock.systemUTC());
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= maxReplacements) {
            LOG.log(Level.ERROR, "Alarm streams thread failed " + (maxReplacements + 1) + " times within "
                    + window + "; shutting the streams client down. IP-spread alarms stop until restart.", exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recent.addLast(now);
        LOG.log(Level.WARNING, "Alarm streams thread failed; replacing it (it resumes from the last commit).",
                exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}

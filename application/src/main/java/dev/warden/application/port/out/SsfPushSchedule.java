package dev.warden.application.port.out;

import dev.warden.domain.SsfStreamId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the delivery job keeps beside the streams: when each push stream is next tried, and which
 * Warden instance delivers it now (and, for paused streams, the trimming of their queues). A stream is
 * delivered by one holder at a time under a lease with an end: a holder that crashes loses it when
 * the lease ends and another takes over. The next attempt time and the run of failures are stored,
 * so a restart keeps the stream's growing pause.
 */
public interface SsfPushSchedule {

    /**
     * A stream claimed for delivery.
     *
     * @param failures the attempts that failed in a row before this claim (0 after a success)
     */
    record Claim(SsfStreamId stream, int failures) {
        public Claim {
            Objects.requireNonNull(stream, "stream");
            if (failures < 0) {
                throw new IllegalArgumentException("failures cannot be negative");
            }
        }
    }

    /**
     * Claims one enabled push stream that has queued SETs, is due ({@code now} at or after its next
     * attempt) and has no live lease (none, or one ended by {@code now}); the one due longest first.
     * Two callers never get the same stream while its lease lasts.
     *
     * @return empty when none is due
     */
    Optional<Claim> claimDue(String holder, Instant now, Instant leaseUntil);

    /**
     * Ends {@code holder}'s lease on the stream and stores when to try next.
     *
     * @param nextAttemptAt null for "whenever there is something to deliver"
     * @return false when the holder no longer had the lease (it ended and another claimed the stream)
     */
    boolean release(SsfStreamId stream, String holder, Instant nextAttemptAt, int failures);

    /**
     * Drops from every paused stream's queue the SETs queued before {@code queuedBefore}, and of the
     * rest all but the newest {@code keepAtMost}.
     *
     * @return how many were dropped
     */
    long trimPausedQueues(Instant queuedBefore, long keepAtMost);

    /** Every SET waiting in every stream's queue. */
    long pendingTotal();
}

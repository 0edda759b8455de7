package dev.warden.application.service.ssf;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The pause before a push stream's next attempt after {@code failures} failed ones in a row: 1 s,
 * doubling up to 5 minutes, each drawn between half and all of that (so instances and streams that
 * failed together do not retry together), and never shorter than the receiver's Retry-After (itself
 * capped at an hour, so a receiver cannot park a stream for days by mistake).
 */
record PushBackoff(RandomGenerator random) {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofMinutes(5);
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    /** The longest pause, without jitter, after {@code failures} (at least 1) failures. */
    static Duration ceiling(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 20);
        Duration pause = FIRST.multipliedBy(1L << doublings);
        return pause.compareTo(CAP) > 0 ? CAP : pause;
    }

    Duration after(int failures, Optional<Duration> retryAfter) {
        long ceilingMillis = ceiling(failures).toMillis();
        long half = ceilingMillis / 2;
        Duration pause = Duration.ofMillis(half + random.nextLong(ceilingMillis - half + 1));
        Duration asked = retryAfter.filter(d -> !d.isNegative())
                .map(d -> d.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : d).orElse(Duration.ZERO);
        return asked.compareTo(pause) > 0 ? asked : pause;
    }
}

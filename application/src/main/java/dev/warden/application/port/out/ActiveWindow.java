package dev.warden.application.port.out;

import dev.warden.domain.WardenPolicy;
import java.time.Instant;
import java.util.Objects;

/**
 * The test a stored session must pass to count as active at {@code now}: not ended, absolute
 * expiry after {@code now}, and last activity after {@code lastActiveAfter} (now minus the idle
 * timeout). Stores filter with it so expired rows still in a table are never listed or counted.
 */
public record ActiveWindow(Instant now, Instant lastActiveAfter) {
    public ActiveWindow {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lastActiveAfter, "lastActiveAfter");
    }

    public static ActiveWindow at(Instant now, WardenPolicy policy) {
        return new ActiveWindow(now, now.minus(policy.idleTimeout()));
    }
}

package dev.warden.application.service.auth;

import dev.warden.application.port.in.auth.PruneLoginDefencesUseCase;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.LoginThrottle;
import dev.warden.application.service.Now;
import dev.warden.domain.KnownDevice;
import dev.warden.domain.LoginThrottlePolicy;
import java.time.Clock;
import java.time.Instant;

/**
 * Deletes throttle counts of every window before the current one (nothing decides on them any
 * more) and known devices unused for longer than their cookie lives. Plain deletes of rows nobody
 * needs: several instances running it at once do no harm.
 */
public final class PruneLoginDefencesService implements PruneLoginDefencesUseCase {
    private final LoginThrottle throttle;
    private final KnownDevices devices;
    private final LoginThrottlePolicy policy;
    private final Clock clock;

    public PruneLoginDefencesService(LoginThrottle throttle, KnownDevices devices, LoginThrottlePolicy policy,
                                     Clock clock) {
        this.throttle = throttle;
        this.devices = devices;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public int pruneOnce() {
        Instant now = Now.of(clock);
        return throttle.deleteWindowsBefore(policy.windowStart(now))
                + devices.forgetUnusedSince(now.minus(KnownDevice.REMEMBERED_FOR));
    }
}

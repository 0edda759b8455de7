package dev.warden.application.service.sessions;

import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.ValidateSessionUseCase;
import dev.warden.application.port.out.WardenMetrics;
import java.time.Duration;

/**
 * Session validation with its latency recorded, whatever the answer (valid, 401, 503). In memory
 * only: the hot path gains two clock reads and a histogram update, no database work.
 */
public final class TimedSessionValidation implements ValidateSessionUseCase {
    private final ValidateSessionUseCase validation;
    private final WardenMetrics metrics;

    public TimedSessionValidation(ValidateSessionUseCase validation, WardenMetrics metrics) {
        this.validation = validation;
        this.metrics = metrics;
    }

    @Override
    public AuthenticatedSession validate(String presentedToken) {
        long start = System.nanoTime(); // elapsed time, not a time of day: not the domain's clock
        try {
            return validation.validate(presentedToken);
        } finally {
            metrics.sessionValidated(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}

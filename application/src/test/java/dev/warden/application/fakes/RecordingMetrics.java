package dev.warden.application.fakes;

import dev.warden.application.port.out.WardenMetrics;
import dev.warden.domain.TerminationReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Keeps what was recorded, for assertions. */
public final class RecordingMetrics implements WardenMetrics {
    public final Map<LoginOutcome, Integer> logins = new EnumMap<>(LoginOutcome.class);
    public final Map<TerminationReason, Integer> ended = new EnumMap<>(TerminationReason.class);
    public final List<Duration> validations = new ArrayList<>();
    public int lockouts;
    public int published;
    public int publishFailures;
    public final Map<SsfDeliveryOutcome, Integer> ssfDeliveries = new EnumMap<>(SsfDeliveryOutcome.class);
    public long ssfPending = -1;

    @Override
    public synchronized void loginAttempted(LoginOutcome outcome) {
        logins.merge(outcome, 1, Integer::sum);
    }

    @Override
    public synchronized void accountLocked() {
        lockouts++;
    }

    @Override
    public synchronized void sessionValidated(Duration took) {
        validations.add(took);
    }

    @Override
    public synchronized void sessionEnded(TerminationReason reason) {
        ended.merge(reason, 1, Integer::sum);
    }

    @Override
    public synchronized void eventsPublished(int count) {
        published += count;
    }

    @Override
    public synchronized void eventsPublishFailed() {
        publishFailures++;
    }

    @Override
    public synchronized void ssfDelivery(SsfDeliveryOutcome outcome) {
        ssfDeliveries.merge(outcome, 1, Integer::sum);
    }

    @Override
    public synchronized void ssfEventsPending(long pending) {
        ssfPending = pending;
    }

    public synchronized int ssfDeliveries(SsfDeliveryOutcome outcome) {
        return ssfDeliveries.getOrDefault(outcome, 0);
    }

    public synchronized int logins(LoginOutcome outcome) {
        return logins.getOrDefault(outcome, 0);
    }

    public synchronized int ended(TerminationReason reason) {
        return ended.getOrDefault(reason, 0);
    }
}

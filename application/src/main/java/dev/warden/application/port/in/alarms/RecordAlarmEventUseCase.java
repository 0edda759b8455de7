package dev.warden.application.port.in.alarms;

import dev.warden.domain.AlarmEvent;

/** Keeps the Alarms page in step with the alarm topic. */
public interface RecordAlarmEventUseCase {
    /** Idempotent: the same event twice changes nothing the second time. */
    void record(AlarmEvent event);
}

package dev.warden.streams;

import java.time.Instant;

/** The data of an alarm event on {@value AlarmTopology#SESSION_ALARMS_TOPIC}; a raise and its resolve share alarmId. */
public record IpSpreadAlarmData(
        String alarmId,
        String userId,
        String username,
        int distinctIps,
        int threshold,
        Instant at) {
}

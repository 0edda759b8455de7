package dev.warden.streams;

import java.time.Instant;
import java.util.List;

/**
 * The data of an alarm event on {@value AlarmTopology#SESSION_ALARMS_TOPIC}; a raise and its resolve share alarmId.
 *
 * @param ipAddresses the distinct IPs of the user's active sessions, sorted ({@code distinctIps} is their count)
 */
public record IpSpreadAlarmData(
        String alarmId,
        String userId,
        String username,
        int distinctIps,
        List<String> ipAddresses,
        int threshold,
        Instant at) {
}

package dev.warden.events;

import java.time.Instant;
import java.util.List;

/**
 * The data of an alarm event on {@value EventTopics#SESSION_ALARMS}; a raise and its resolve share
 * {@code alarmId}.
 *
 * @param ipAddresses the distinct IPs of the user's active sessions, sorted ({@code distinctIps} is their
 *                    count); null when read from an event of a version before alarms named them
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

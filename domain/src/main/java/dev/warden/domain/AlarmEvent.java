package dev.warden.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A transition of one user's IP-spread alarm, as published on the alarm topic. A raise and the
 * resolve that follows it share {@code alarmId}.
 *
 * @param ipAddresses the distinct IPs behind {@code distinctIps}, sorted; empty for events published
 *                    before alarms named their addresses
 */
public record AlarmEvent(
        UUID eventId,
        Kind kind,
        UUID alarmId,
        UserId userId,
        String username,
        int distinctIps,
        List<String> ipAddresses,
        int threshold,
        Instant at) {

    /** The CloudEvents type names are fixed by the contract. */
    public enum Kind {
        RAISED("warden.alarm.ip-spread.raised"),
        RESOLVED("warden.alarm.ip-spread.resolved");

        private final String cloudEventType;

        Kind(String cloudEventType) {
            this.cloudEventType = cloudEventType;
        }

        public String cloudEventType() {
            return cloudEventType;
        }

        public static Kind fromCloudEventType(String type) {
            for (Kind kind : values()) {
                if (kind.cloudEventType.equals(type)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown alarm event type: " + type);
        }
    }

    public AlarmEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(alarmId, "alarmId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(at, "at");
        ipAddresses = IpAddresses.sortedDistinct(ipAddresses);
    }
}

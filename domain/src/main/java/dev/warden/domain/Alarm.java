package dev.warden.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An IP-spread alarm as the Alarms page shows it. It opens when raised, resolves by itself when
 * the spread falls back below the threshold, and can be acknowledged by an administrator whether
 * open or resolved.
 *
 * @param distinctIps as of the alarm's latest event (its raise, then its resolve)
 * @param ipAddresses those distinct IPs, sorted; empty for alarms recorded before alarms named them
 */
public record Alarm(
        UUID id,
        UserId userId,
        String username,
        int distinctIps,
        List<String> ipAddresses,
        Status status,
        Instant raisedAt,
        Instant resolvedAt,
        Instant acknowledgedAt,
        String acknowledgedBy) {

    public static final String TYPE_IP_SPREAD = "IP_SPREAD";

    /** OPEN until the spread falls below the threshold. */
    public enum Status { OPEN, RESOLVED }

    public Alarm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(raisedAt, "raisedAt");
        ipAddresses = IpAddresses.sortedDistinct(ipAddresses);
        if ((status == Status.RESOLVED) != (resolvedAt != null)) {
            throw new IllegalArgumentException("resolvedAt is set exactly when the alarm is resolved");
        }
    }

    public String type() {
        return TYPE_IP_SPREAD;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }
}

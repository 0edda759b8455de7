package dev.warden.adapter.kafka;

import dev.warden.domain.AlarmEvent;
import dev.warden.domain.UserId;
import dev.warden.events.CloudEvent;
import dev.warden.events.EventJson;
import dev.warden.events.EventTopics;
import dev.warden.events.IpSpreadAlarmData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Decodes the CloudEvents JSON on {@link EventTopics#SESSION_ALARMS} into {@link AlarmEvent}s. */
public final class AlarmEventCloudEvents {
    private AlarmEventCloudEvents() {
    }

    /** The record cannot be understood; the consumer logs and skips it. */
    public static final class MalformedAlarmEvent extends IllegalArgumentException {
        MalformedAlarmEvent(String message) {
            super(message);
        }

        MalformedAlarmEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @throws MalformedAlarmEvent when the value is not a CloudEvents 1.0 alarm event of a known
     *         type with every data field the contract names
     */
    public static AlarmEvent decode(String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedAlarmEvent("empty record value");
        }
        CloudEvent<IpSpreadAlarmData> event;
        try {
            event = EventJson.read(value, IpSpreadAlarmData.class);
        } catch (EventJson.MalformedJson e) {
            throw new MalformedAlarmEvent(e.getMessage(), e);
        }
        if (event == null) {
            throw new MalformedAlarmEvent("not a JSON object");
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new MalformedAlarmEvent("specversion must be 1.0, was " + event.specversion());
        }
        IpSpreadAlarmData data = event.data();
        if (data == null) {
            throw new MalformedAlarmEvent("data must be a JSON object");
        }
        try {
            return new AlarmEvent(
                    eventId(text(event.id(), "id")),
                    AlarmEvent.Kind.fromCloudEventType(event.type()),
                    UUID.fromString(text(data.alarmId(), "alarmId")),
                    UserId.parse(text(data.userId(), "userId")),
                    text(data.username(), "username"),
                    data.distinctIps(),
                    ipAddresses(data.ipAddresses()),
                    data.threshold(),
                    required(data.at(), "at"));
        } catch (IllegalArgumentException e) {
            throw e instanceof MalformedAlarmEvent m ? m : new MalformedAlarmEvent(e.getMessage(), e);
        }
    }

    /**
     * CloudEvents only asks ids to be unique per source; a non-UUID id still maps to one stable
     * UUID, so duplicates are still recognised by the store.
     */
    private static UUID eventId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notUuid) {
            return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedAlarmEvent(field + " must be a non-empty string");
        }
        return value;
    }

    private static Instant required(Instant value, String field) {
        if (value == null) {
            throw new MalformedAlarmEvent(field + " must be an ISO-8601 time");
        }
        return value;
    }

    /**
     * The alarm's addresses; absent in events published before alarms named them (a topology of the
     * previous version during a rolling upgrade, or old records on the topic), which read as none.
     */
    private static List<String> ipAddresses(List<String> ips) {
        if (ips == null) {
            return List.of();
        }
        if (ips.stream().anyMatch(ip -> ip == null || ip.isBlank())) {
            throw new MalformedAlarmEvent("ipAddresses must be an array of non-empty strings");
        }
        return List.copyOf(ips);
    }
}

package dev.warden.adapter.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.domain.AlarmEvent;
import dev.warden.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Decodes the CloudEvents JSON on {@link KafkaTopics#SESSION_ALARMS} into {@link AlarmEvent}s. */
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
        JsonNode root;
        try {
            root = CloudEvents.JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedAlarmEvent("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedAlarmEvent("not a JSON object");
        }
        String specVersion = text(root, "specversion");
        if (!CloudEvents.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedAlarmEvent("specversion must be 1.0, was " + specVersion);
        }
        AlarmEvent.Kind kind;
        try {
            kind = AlarmEvent.Kind.fromCloudEventType(text(root, "type"));
        } catch (IllegalArgumentException e) {
            throw new MalformedAlarmEvent(e.getMessage(), e);
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedAlarmEvent("data must be a JSON object");
        }
        try {
            return new AlarmEvent(
                    eventId(text(root, "id")),
                    kind,
                    UUID.fromString(text(data, "alarmId")),
                    UserId.parse(text(data, "userId")),
                    text(data, "username"),
                    integer(data, "distinctIps"),
                    ipAddresses(data),
                    integer(data, "threshold"),
                    Instant.parse(text(data, "at")));
        } catch (DateTimeParseException | IllegalArgumentException e) {
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

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedAlarmEvent(field + " must be a non-empty string");
        }
        return value.asText();
    }

    /**
     * The alarm's addresses; absent in events published before alarms named them (a topology of the
     * previous version during a rolling upgrade, or old records on the topic), which read as none.
     */
    private static List<String> ipAddresses(JsonNode data) {
        JsonNode value = data.get("ipAddresses");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new MalformedAlarmEvent("ipAddresses must be an array of strings");
        }
        List<String> ips = new ArrayList<>(value.size());
        for (JsonNode ip : value) {
            if (!ip.isTextual() || ip.asText().isBlank()) {
                throw new MalformedAlarmEvent("ipAddresses must be an array of non-empty strings");
            }
            ips.add(ip.asText());
        }
        return ips;
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new MalformedAlarmEvent(field + " must be an integer");
        }
        return value.intValue();
    }
}

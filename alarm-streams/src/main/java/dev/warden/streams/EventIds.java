package dev.warden.streams;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of what the topology emits, derived from the id of the input event that caused it. Replaying
 * that input (a redelivery, a restart before commit) therefore yields the same ids, so consumers
 * can drop the repeats.
 */
final class EventIds {
    private EventIds() {
    }

    static String forwardedEnd(String inputEventId) {
        return nameBased("session-terminated|" + inputEventId);
    }

    static String alarmId(String inputEventId) {
        return nameBased("ip-spread-alarm|" + inputEventId);
    }

    static String raised(String inputEventId) {
        return nameBased("ip-spread-raised|" + inputEventId);
    }

    static String resolved(String inputEventId, String alarmId) {
        return nameBased("ip-spread-resolved|" + inputEventId + "|" + alarmId);
    }

    private static String nameBased(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

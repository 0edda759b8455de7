package dev.warden.adapter.useragent;

import dev.warden.domain.ClientDescription;
import dev.warden.domain.DeviceType;
import java.util.Map;
import java.util.Set;
import nl.basjes.parse.useragent.UserAgent;

/**
 * Reads Yauaa's answer as a {@link ClientDescription}: its placeholders for "not known" become the
 * description's unknown parts, and its device classes fold into the contract's five kinds.
 */
final class YauaaFields {
    /**
     * What Yauaa answers when it cannot tell (names, versions). "Hacker" fills every field of a header
     * it takes for an attack or cannot read at all (a log4shell string, SQL, random bytes, 512 x's):
     * nothing in it describes the client, so it is shown as unknown, not as a kind of client.
     */
    private static final Set<String> NOT_KNOWN = Set.of("Unknown", "??", "Hacker", "Unknown ??");
    /** Yauaa's names that are not what the product is called (Samsung's browser is "Samsung Internet"). */
    private static final Map<String, String> PRODUCT_NAMES = Map.of("SamsungBrowser", "Samsung Internet");

    /**
     * Yauaa's device classes by kind. Robot Imitator (a bot that sends a browser's header but gives
     * itself away) and Spy are clients no person drives: bots. Classes that are none of the five (TV,
     * set-top box, game console, car, voice, VR, anonymised headers, Hacker) are {@link DeviceType#UNKNOWN}.
     */
    private static final Map<String, DeviceType> DEVICE_CLASSES = Map.ofEntries(
            Map.entry("Desktop", DeviceType.DESKTOP),
            Map.entry("Phone", DeviceType.MOBILE),
            Map.entry("Mobile", DeviceType.MOBILE),
            Map.entry("Watch", DeviceType.MOBILE),
            Map.entry("Handheld Game Console", DeviceType.MOBILE),
            Map.entry("Tablet", DeviceType.TABLET),
            Map.entry("eReader", DeviceType.TABLET),
            Map.entry("Robot", DeviceType.BOT),
            Map.entry("Robot Mobile", DeviceType.BOT),
            Map.entry("Robot Imitator", DeviceType.BOT),
            Map.entry("Spy", DeviceType.BOT));

    private YauaaFields() {
    }

    static ClientDescription describe(UserAgent parsed) {
        return new ClientDescription(
                productName(known(parsed.getValue(UserAgent.AGENT_NAME))),
                known(parsed.getValue(UserAgent.AGENT_VERSION)),
                known(parsed.getValue(UserAgent.OPERATING_SYSTEM_NAME)),
                known(parsed.getValue(UserAgent.OPERATING_SYSTEM_VERSION)),
                DEVICE_CLASSES.getOrDefault(parsed.getValue(UserAgent.DEVICE_CLASS), DeviceType.UNKNOWN));
    }

    private static String productName(String agentName) {
        return PRODUCT_NAMES.getOrDefault(agentName, agentName);
    }

    /** The value, or empty where Yauaa could not tell (the description then says it is unknown). */
    private static String known(String value) {
        return value == null || NOT_KNOWN.contains(value) ? "" : value;
    }
}

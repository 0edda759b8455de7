package dev.warden.events;

import java.util.regex.Pattern;

/**
 * What Warden accepts as the address of its Kafka brokers (WARDEN_KAFKA_BOOTSTRAP), in the service
 * and in the standalone alarm topology alike.
 */
public final class BootstrapServers {
    /** How the messages of both processes describe a valid value. */
    public static final String FORMAT = "host:port[,host:port...]";

    private static final Pattern HOST_PORT = Pattern.compile("[^\\s:,]+:(\\d{1,5})");

    private BootstrapServers() {
    }

    /**
     * True for a comma-separated list of {@code host:port} with a port from 1 to 65535, spaces around
     * the commas allowed (Kafka's {@code bootstrap.servers} trims them too). No scheme, no empty entry.
     */
    public static boolean isValid(String servers) {
        if (servers == null || servers.isBlank()) {
            return false;
        }
        for (String server : servers.split(",", -1)) {
            var matcher = HOST_PORT.matcher(server.strip());
            if (!matcher.matches()) {
                return false;
            }
            int port = Integer.parseInt(matcher.group(1));
            if (port < 1 || port > 65_535) {
                return false;
            }
        }
        return true;
    }
}

package dev.warden.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the standalone app's settings from environment variables. */
final class AlarmStreamsEnv {
    static final String BOOTSTRAP = "WARDEN_KAFKA_BOOTSTRAP";
    static final String THRESHOLD = "WARDEN_ALARM_IP_SPREAD_THRESHOLD";
    static final String STATE_DIR = "WARDEN_STREAMS_STATE_DIR";

    private static final Pattern HOST_PORT = Pattern.compile("[^\\s:,]+:(\\d{1,5})");

    /** A setting that cannot be used; the message is the one line the user sees. */
    static final class BadSetting extends RuntimeException {
        BadSetting(String message) {
            super(message);
        }
    }

    private AlarmStreamsEnv() {
    }

    static AlarmStreamsConfig read(Map<String, String> env) {
        String bootstrap = bootstrap(env.get(BOOTSTRAP));
        int threshold = threshold(env.get(THRESHOLD));
        Path stateDir = stateDir(env.get(STATE_DIR));
        return AlarmStreamsConfig.of(bootstrap, threshold, stateDir);
    }

    private static String bootstrap(String value) {
        if (value == null || value.isBlank()) {
            throw new BadSetting(BOOTSTRAP + " is required (host:port of a Kafka broker)");
        }
        for (String server : value.trim().split(",")) {
            var matcher = HOST_PORT.matcher(server.trim());
            if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1 || Integer.parseInt(matcher.group(1)) > 65535) {
                throw new BadSetting(BOOTSTRAP + " must be host:port[,host:port...], was '" + value + "'");
            }
        }
        return value.trim();
    }

    private static int threshold(String value) {
        if (value == null || value.isBlank()) {
            return AlarmTopologySettings.DEFAULT_IP_SPREAD_THRESHOLD;
        }
        try {
            int threshold = Integer.parseInt(value.trim());
            if (threshold >= 1) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadSetting(THRESHOLD + " must be a whole number of at least 1, was '" + value + "'");
    }

    private static Path stateDir(String value) {
        if (value == null || value.isBlank()) {
            try {
                return Files.createTempDirectory("warden-alarm-streams-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary state directory", e);
            }
        }
        Path dir = Path.of(value.trim());
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadSetting(STATE_DIR + " must be a directory, was '" + value + "'");
        }
        return dir;
    }
}

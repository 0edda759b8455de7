package dev.warden.streams;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the alarm topology on its own: {@code java -jar warden-alarm-streams.jar}, configured by
 * WARDEN_KAFKA_BOOTSTRAP (required), WARDEN_KAFKA_PROPERTIES_FILE (Kafka client properties such as
 * SASL_SSL settings), WARDEN_ALARM_IP_SPREAD_THRESHOLD (default 4) and
 * WARDEN_STREAMS_STATE_DIR (default a {@link StreamsStateFolder} of its own in the temporary directory,
 * deleted when it stops). Exit codes: 2 for a bad setting (credentials Kafka refuses included),
 * 1 when Kafka cannot be used or the streams client fails, 0 after a normal shutdown.
 */
public final class AlarmStreamsMain {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmStreamsMain.class);
    private static final Pattern SECRET = Pattern.compile("(?i)((?:password|secret|token)\\w*\\s*=\\s*)(\"[^\"]*\"|\\S+)");

    private AlarmStreamsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        AlarmStreamsEnv.Settings settings;
        try {
            settings = AlarmStreamsEnv.read(System.getenv());
        } catch (AlarmStreamsEnv.BadSetting e) {
            System.err.println("warden-alarm-streams: " + e.getMessage());
            System.exit(2);
            return;
        }
        StreamsStateFolder temporary = settings.stateDir().isPresent() ? null : StreamsStateFolder.createTemporary();
        AlarmStreamsConfig config = settings.config(temporary == null ? settings.stateDir().get() : temporary.path());
        try {
            TopicCreator.ensureTopics(config, List.of(AlarmTopology.SESSION_EVENTS_TOPIC,
                    AlarmTopology.SESSION_TERMINATED_TOPIC, AlarmTopology.SESSION_ALARMS_TOPIC));
        } catch (ExecutionException e) {
            boolean refused = e.getCause() instanceof AuthenticationException;
            System.err.println("warden-alarm-streams: " + (refused
                    ? "Kafka at " + config.bootstrapServers() + " refused to authenticate (check "
                            + AlarmStreamsEnv.PROPERTIES_FILE + "): "
                    : "cannot prepare topics on " + config.bootstrapServers() + ": ") + redact(e.getCause().getMessage(), config));
            closeQuietly(temporary);
            System.exit(refused ? 2 : 1);
            return;
        } catch (KafkaException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("warden-alarm-streams: " + AlarmStreamsEnv.PROPERTIES_FILE
                    + ": no Kafka client can be built from these settings: " + cause.getClass().getSimpleName() + ": "
                    + redact(cause.getMessage(), config));
            closeQuietly(temporary);
            System.exit(2);
            return;
        }
        AlarmStreams streams = AlarmStreams.start(config);
        // The state folder goes after the streams closed (System.exit below runs this hook too).
        Thread shutdown = new Thread(() -> {
            streams.close();
            closeQuietly(temporary);
        }, "alarm-streams-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        streams.awaitStopped();
        if (streams.state() == KafkaStreams.State.ERROR) {
            LOG.error("Alarm streams stopped after an error");
            System.exit(1);
        }
    }

    /**
     * The first line of a Kafka message, without any value of the client properties or anything like
     * {@code password=...} (Kafka hides password-typed values itself; this is the second guard).
     */
    static String redact(String message, AlarmStreamsConfig config) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        for (String value : config.clientProperties().values()) {
            if (value.length() >= 4) {
                line = line.replace(value, "****");
            }
        }
        return SECRET.matcher(line).replaceAll("$1****");
    }

    private static void closeQuietly(StreamsStateFolder folder) {
        if (folder != null) {
            folder.close();
        }
    }
}

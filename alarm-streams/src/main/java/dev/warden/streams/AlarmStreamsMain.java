package dev.warden.streams;

import dev.warden.events.kafka.KafkaClientSettingsRejected;
import dev.warden.events.kafka.KafkaVariables;
import dev.warden.events.kafka.TopicProvisioning;
import java.lang.System.Logger.Level;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs the alarm topology on its own: {@code java -jar warden-alarm-streams.jar}, configured by
 * WARDEN_KAFKA_BOOTSTRAP (required), WARDEN_KAFKA_PROPERTIES_FILE (Kafka client properties such as
 * SASL_SSL settings), WARDEN_ALARM_IP_SPREAD_THRESHOLD (default 4) and
 * WARDEN_STREAMS_STATE_DIR (default a {@link StreamsStateFolder} of its own in the temporary directory,
 * deleted when it stops). It creates missing topics exactly as the service would (TopicProvisioning).
 * Exit codes: 2 for a bad setting (credentials Kafka refuses included),
 * 1 when Kafka cannot be used or the streams client fails, 0 after a normal shutdown.
 */
public final class AlarmStreamsMain {
    private static final System.Logger LOG = System.getLogger(AlarmStreamsMain.class.getName());

    private AlarmStreamsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        AlarmStreamsLogging.configure();
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
            List<String> created = TopicProvisioning.ensureTopics(config.kafka());
            if (!created.isEmpty()) {
                LOG.log(Level.INFO, "Created topics " + created);
            }
        } catch (KafkaClientSettingsRejected e) {
            System.err.println("warden-alarm-streams: " + (e.authenticationRefused()
                    ? "Kafka at " + config.kafka().bootstrapServers() + " refused to authenticate (check "
                            + KafkaVariables.PROPERTIES_FILE + "): " + e.reason()
                    : KafkaVariables.PROPERTIES_FILE + ": " + e.getMessage()));
            closeQuietly(temporary);
            System.exit(2);
            return;
        } catch (IllegalStateException e) {
            System.err.println("warden-alarm-streams: cannot prepare the topics: "
                    + e.getMessage().lines().findFirst().orElse(""));
            closeQuietly(temporary);
            System.exit(1);
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
            LOG.log(Level.ERROR, "Alarm streams stopped after an error");
            System.exit(1);
        }
    }

    private static void closeQuietly(StreamsStateFolder folder) {
        if (folder != null) {
            folder.close();
        }
    }
}

package dev.warden.streams;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The running alarm topology, for the service's process or the standalone main. Expects the three
 * topics to exist (the service, or {@link AlarmStreamsMain}, creates them).
 */
public final class AlarmStreams implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AlarmStreams.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** When the client entered its current state (its creation, then each transition). */
    private volatile Instant stateSince = Instant.now();

    private AlarmStreams(AlarmStreamsConfig config) {
        streams = new KafkaStreams(AlarmTopology.buildTopology(config.topology()), config.streamsProperties());
        streams.setUncaughtExceptionHandler(BoundedThreadReplacement.standard());
        streams.setStateListener((now, before) -> {
            stateSince = Instant.now();
            LOG.log(now == KafkaStreams.State.ERROR ? Level.ERROR : Level.INFO, "Alarm streams: " + before + " -> " + now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
    }

    /** Builds the topology and starts processing in the background; returns at once. */
    public static AlarmStreams start(AlarmStreamsConfig config) {
        AlarmStreams alarmStreams = new AlarmStreams(config);
        LOG.log(Level.INFO, "Starting alarm streams " + config.applicationId() + " against "
                + config.kafka().bootstrapServers() + ", IP-spread threshold " + config.topology().ipSpreadThreshold()
                + ", state in " + config.stateDir());
        alarmStreams.streams.start();
        return alarmStreams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** True while processing (or rebalancing), false once stopped or failed. */
    public boolean isRunning() {
        return streams.state().isRunningOrRebalancing();
    }

    /**
     * True only while RUNNING: processing events. Unlike {@link #isRunning()} it is false while
     * REBALANCING, where a client that cannot reach the brokers (unreachable, or security settings
     * that do not match the listener) stays for ever.
     */
    public boolean isProcessing() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** When the client entered its current {@link #state()}. */
    public Instant stateSince() {
        return stateSince;
    }

    /** Waits until the first time all tasks are assigned and running; false on timeout. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the client stopped (closed, or shut down after repeated thread failures). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        // Leave the group, so a restarted instance gets the partitions at once instead of waiting for
        // the old member's session to time out (45 s by default).
        CloseOptions options = CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT);
        if (!streams.close(options)) {
            LOG.log(Level.WARNING, "Alarm streams did not stop within " + CLOSE_TIMEOUT);
        }
    }
}

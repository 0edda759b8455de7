package dev.warden.adapter.kafka;

import dev.warden.adapter.kafka.AlarmEventCloudEvents.MalformedAlarmEvent;
import dev.warden.application.port.in.alarms.RecordAlarmEventUseCase;
import dev.warden.application.support.BackgroundLoop;
import dev.warden.events.EventTopics;
import dev.warden.events.kafka.KafkaConnection;
import dev.warden.events.kafka.KafkaLogging;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Keeps the Alarms page current: consumes {@link EventTopics#SESSION_ALARMS} and records each
 * alarm event. Offsets are committed only after an event was recorded, so a crash replays it
 * (the store is idempotent). A record that cannot be decoded is logged and skipped; a failure to
 * record (database away) rewinds to that record and retries after a pause. Nothing ends the loop
 * but {@link #close()}.
 */
public final class KafkaAlarmConsumer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KafkaAlarmConsumer.class.getName());

    public static final String GROUP_ID = "warden-service";
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final Consumer<String, String> consumer;
    private final RecordAlarmEventUseCase alarms;
    private final BackgroundLoop loop;
    private volatile boolean running = true;

    public KafkaAlarmConsumer(String bootstrapServers, RecordAlarmEventUseCase alarms) {
        this(KafkaConnection.plaintext(bootstrapServers), GROUP_ID, alarms);
    }

    public KafkaAlarmConsumer(String bootstrapServers, String groupId, RecordAlarmEventUseCase alarms) {
        this(KafkaConnection.plaintext(bootstrapServers), groupId, alarms);
    }

    public KafkaAlarmConsumer(KafkaConnection kafka, RecordAlarmEventUseCase alarms) {
        this(kafka, GROUP_ID, alarms);
    }

    public KafkaAlarmConsumer(KafkaConnection kafka, String groupId, RecordAlarmEventUseCase alarms) {
        KafkaLogging.quiet();
        this.alarms = Objects.requireNonNull(alarms, "alarms");
        this.consumer = new KafkaConsumer<>(kafka.config(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, "warden-alarm-consumer",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // A new group starts from the oldest alarm, so none published before it is missed.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // The topology writes alarms in exactly-once transactions: read only committed ones.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)));
        // The poll is the wait. The consumer is not thread-safe, so the loop's own thread closes it;
        // close() only wakes a poll in progress.
        this.loop = BackgroundLoop.named("warden-alarm-consumer").logTo(LOG)
                .backToBack()
                .retryAfter(RETRY_PAUSE, RETRY_PAUSE)
                .describeFailures(e -> "Recording alarm events failed (" + e.getMessage()
                        + "); retrying from the first unrecorded event")
                .onStop(consumer::wakeup)
                .onExit(() -> consumer.close(Duration.ofSeconds(5)))
                .build(this::pollOnce);
    }

    /** Subscribes and starts consuming on a background thread; returns at once. */
    public KafkaAlarmConsumer start() {
        consumer.subscribe(List.of(EventTopics.SESSION_ALARMS));
        loop.start();
        return this;
    }

    private void pollOnce() {
        ConsumerRecords<String, String> records = consumer.poll(POLL_TIMEOUT);
        if (!records.isEmpty()) {
            processAndCommit(records);
        }
    }

    /**
     * Records in order per partition; commits what was recorded. On a failure, every partition
     * is rewound to its first unrecorded record before the exception goes up.
     */
    private void processAndCommit(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        RuntimeException failure = null;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                if (failure == null && running) {
                    try {
                        recordOne(record);
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                        continue;
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
                // Not recorded: come back to this record on the next poll.
                consumer.seek(partition, record.offset());
                break;
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void recordOne(ConsumerRecord<String, String> record) {
        try {
            alarms.record(AlarmEventCloudEvents.decode(record.value()));
        } catch (MalformedAlarmEvent e) {
            LOG.log(System.Logger.Level.WARNING, "Skipping malformed alarm event at {0}-{1}@{2}: {3}",
                    record.topic(), record.partition(), record.offset(), abbreviate(e.getMessage()));
        }
    }

    private static String abbreviate(String message) {
        String firstLine = message == null ? "" : message.lines().findFirst().orElse("");
        return firstLine.length() <= 160 ? firstLine : firstLine.substring(0, 160) + "...";
    }

    /** Stops consuming; events recorded so far are committed. */
    @Override
    public void close() {
        running = false;
        loop.close();
    }
}

package dev.warden.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.devkafka.EmbeddedKafkaBroker;
import dev.warden.events.ClientData;
import dev.warden.events.CloudEvent;
import dev.warden.events.EventJson;
import dev.warden.events.EventTopics;
import dev.warden.events.SessionEventData;
import dev.warden.events.kafka.KafkaConnection;
import dev.warden.events.kafka.TopicProvisioning;
import dev.warden.streams.AlarmStreams;
import dev.warden.streams.AlarmStreamsConfig;
import dev.warden.streams.AlarmTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Event-to-alarm figures for the real alarm topology ({@link AlarmStreams}, exactly-once, commit
 * interval as shipped) against the real embedded KRaft broker, all in this JVM on loopback.
 * Not a test (the name keeps surefire and failsafe away); run by {@code bench/alarm-latency.sh} and
 * {@code bench/alarm-throughput.sh}.
 * <ul>
 *   <li>{@code latency N}: N users each get three session.created events from distinct IPs (primed,
 *       then drained); then, one user at a time after a random pause (so the send falls anywhere in
 *       the topology's commit cycle), the fourth distinct-IP login is produced and the clock runs
 *       until its ip-spread.raised alarm is consumed (read_committed, like the service's consumer).</li>
 *   <li>{@code throughput N}: N session.created events (N/4 users x 4 distinct IPs, users
 *       interleaved) produced as fast as the producer goes; the clock runs from the first send until
 *       the alarm caused by the last event has been consumed, i.e. all N/4 alarms are in.</li>
 * </ul>
 * Both first push a warm-up load through (JIT, RocksDB, producer ids) that is not counted.
 * Prints one {@code RESULT ...} line.
 */
public final class AlarmTopologyBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAISED = "warden.alarm.ip-spread.raised";
    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0 Safari/537.36";
    private static final ClientData CLIENT = new ClientData("Chrome", "126.0", "Linux", "", "desktop");
    private static final int THRESHOLD = 4;
    private static final int WARMUP_USERS = 2_000;
    private static final Duration WAIT_LIMIT = Duration.ofMinutes(4);

    /** Consume time (nanoTime) of each user's first raised alarm. */
    private final Map<String, Long> alarmSeenAt = new ConcurrentHashMap<>();
    private final AtomicLong lastAlarmAt = new AtomicLong();
    private final AtomicBoolean consuming = new AtomicBoolean(true);
    private final KafkaProducer<String, String> producer;
    private final String bootstrap;

    private AlarmTopologyBenchmark(String bootstrap, int lingerMs) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "warden-bench-producer");
        // The service's relay settings: idempotent, acks=all.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer = new KafkaProducer<>(props);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !Arrays.asList("latency", "throughput").contains(args[0])) {
            System.err.println("usage: AlarmTopologyBenchmark latency|throughput N");
            System.exit(64);
        }
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        Path stateDir = Files.createTempDirectory("warden-bench-streams-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0)) {
            TopicProvisioning.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()));
            AlarmStreamsConfig config = AlarmStreamsConfig.of(broker.bootstrapServers(), THRESHOLD, stateDir);
            try (AutoCloseable streams = startTopology(config, System.getProperty("bench.streams", ""))) {
                AlarmTopologyBenchmark bench = new AlarmTopologyBenchmark(broker.bootstrapServers(),
                        mode.equals("latency") ? 0 : 5);
                Thread consumer = Thread.ofPlatform().name("bench-alarm-consumer").start(bench::consumeAlarms);
                try {
                    bench.warmUp();
                    String result = mode.equals("latency") ? bench.latency(n) : bench.throughput(n);
                    System.out.println("RESULT " + result);
                } finally {
                    bench.consuming.set(false);
                    consumer.join(10_000);
                    bench.producer.close(Duration.ofSeconds(5));
                }
            }
        } finally {
            deleteRecursively(stateDir);
        }
        // Kafka's and Helidon's non-daemon threads must not keep the JVM (and the script) waiting.
        System.exit(0);
    }

    /**
     * The topology as the service runs it ({@link AlarmStreams}); or, with overrides such as
     * {@code -Dbench.streams=poll.ms=10}, the same topology and properties plus the overrides, to
     * measure a tuning before proposing it.
     */
    private static AutoCloseable startTopology(AlarmStreamsConfig config, String overrides) throws InterruptedException {
        if (overrides.isBlank()) {
            AlarmStreams streams = AlarmStreams.start(config);
            if (!streams.awaitRunning(Duration.ofSeconds(60))) {
                streams.close();
                throw new IllegalStateException("alarm streams did not reach RUNNING within 60 s");
            }
            return streams;
        }
        Properties props = config.streamsProperties();
        for (String pair : overrides.split(",")) {
            String[] kv = pair.split("=", 2);
            props.put(kv[0].strip(), kv[1].strip());
        }
        System.err.println("alarm topology with overrides " + overrides);
        KafkaStreams streams = new KafkaStreams(AlarmTopology.buildTopology(config.topology()), props);
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        if (!running.await(60, TimeUnit.SECONDS)) {
            streams.close(Duration.ofSeconds(10));
            throw new IllegalStateException("alarm streams did not reach RUNNING within 60 s");
        }
        return () -> streams.close(Duration.ofSeconds(10));
    }

    private void warmUp() throws InterruptedException {
        List<User> users = users(WARMUP_USERS);
        for (int round = 0; round < THRESHOLD; round++) {
            for (User user : users) {
                send(user, round);
            }
        }
        producer.flush();
        awaitAlarms(users);
    }

    private String latency(int samples) throws InterruptedException {
        List<User> users = users(samples);
        for (int round = 0; round < THRESHOLD - 1; round++) {
            for (User user : users) {
                send(user, round);
            }
        }
        producer.flush();
        awaitCaughtUp();
        long[] micros = new long[samples];
        for (int i = 0; i < samples; i++) {
            User user = users.get(i);
            // A random pause puts the send anywhere in the 100 ms commit cycle instead of just after a commit.
            Thread.sleep(ThreadLocalRandom.current().nextInt(0, 150));
            long sentAt = System.nanoTime();
            send(user, THRESHOLD - 1);
            producer.flush();
            long seenAt = awaitAlarm(user.id, Duration.ofSeconds(30));
            micros[i] = TimeUnit.NANOSECONDS.toMicros(seenAt - sentAt);
        }
        Arrays.sort(micros);
        return String.format("mode=latency samples=%d p50_ms=%.1f p99_ms=%.1f min_ms=%.1f max_ms=%.1f",
                samples, percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0,
                micros[0] / 1000.0, micros[samples - 1] / 1000.0);
    }

    private String throughput(int events) throws InterruptedException {
        int userCount = events / THRESHOLD;
        List<User> users = users(userCount);
        // Built before the clock starts: the figure is the topology's, not JSON formatting in the bench.
        List<ProducerRecord<String, String>> records = new ArrayList<>(userCount * THRESHOLD);
        for (int round = 0; round < THRESHOLD; round++) {
            for (User user : users) {
                records.add(record(user, round));
            }
        }
        long start = System.nanoTime();
        for (ProducerRecord<String, String> record : records) {
            producer.send(record);
        }
        producer.flush();
        long produced = System.nanoTime();
        awaitAlarms(users);
        long end = lastAlarmAt.get();
        double seconds = (end - start) / 1e9;
        return String.format("mode=throughput events=%d alarms=%d seconds=%.2f events_per_s=%.0f produce_only_events_per_s=%.0f",
                records.size(), userCount, seconds, records.size() / seconds, records.size() / ((produced - start) / 1e9));
    }

    private record User(String id, String name, String[] ips) {
    }

    private static List<User> users(int count) {
        List<User> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            int a = ThreadLocalRandom.current().nextInt(1, 250);
            String[] ips = new String[THRESHOLD];
            for (int k = 0; k < THRESHOLD; k++) {
                ips[k] = "198.51." + a + "." + (k + 1);
            }
            users.add(new User(id, "bench-" + id.substring(0, 8), ips));
        }
        return users;
    }

    private void send(User user, int round) {
        producer.send(record(user, round));
    }

    /** A warden.session.created event in the contract's CloudEvents format; key = user id. */
    private static ProducerRecord<String, String> record(User user, int round) {
        Instant now = Instant.now();
        String sessionId = UUID.randomUUID().toString();
        String value = EventJson.write(CloudEvent.emit(UUID.randomUUID().toString(), "warden.session.created", now,
                sessionId, SessionEventData.started(sessionId, user.id, user.name, user.ips[round], USER_AGENT, CLIENT,
                        now, now.plus(Duration.ofHours(24)))));
        return new ProducerRecord<>(EventTopics.SESSION_EVENTS, user.id, value);
    }

    private void consumeAlarms() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "warden-bench-alarms");
        // As the service's alarm consumer reads it: only committed output of the exactly-once topology.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(EventTopics.SESSION_ALARMS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (consuming.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if (RAISED.equals(type(record.value()))) {
                        alarmSeenAt.putIfAbsent(record.key(), now);
                        lastAlarmAt.accumulateAndGet(now, Math::max);
                    }
                }
            }
        }
    }

    private static String type(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            return node.path("type").asText();
        } catch (IOException e) {
            return "";
        }
    }

    private long awaitAlarm(String userId, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Long seen;
        while ((seen = alarmSeenAt.get(userId)) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no alarm for a benchmark user within " + limit);
            }
            Thread.onSpinWait();
            Thread.sleep(0, 200_000);
        }
        return seen;
    }

    private void awaitAlarms(List<User> users) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        int missing = users.size();
        int next = 0;
        while (next < users.size()) {
            if (alarmSeenAt.containsKey(users.get(next).id)) {
                next++;
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException((users.size() - next) + " of " + missing + " alarms missing after " + WAIT_LIMIT);
            }
            Thread.sleep(1);
        }
    }

    /** Waits until the topology's consumer group has committed every produced session event. */
    private void awaitCaughtUp() throws InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin
                            .listConsumerGroupOffsets(AlarmStreamsConfig.DEFAULT_APPLICATION_ID)
                            .partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                    for (int p = 0; p < EventTopics.PARTITIONS; p++) {
                        request.put(new TopicPartition(EventTopics.SESSION_EVENTS, p),
                                OffsetSpec.latest());
                    }
                    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get();
                    boolean caughtUp = ends.entrySet().stream().allMatch(end -> {
                        OffsetAndMetadata done = committed.get(end.getKey());
                        return end.getValue().offset() == 0 || (done != null && done.offset() >= end.getValue().offset());
                    });
                    if (caughtUp) {
                        return;
                    }
                } catch (ExecutionException e) {
                    // the group may not have committed yet: ask again
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("topology did not catch up within " + WAIT_LIMIT);
        }
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

package dev.warden.adapter.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) running in this
 * JVM, for dev mode and tests. {@link #stop()} and {@link #restart()} keep the ports and the data,
 * so an outage and its recovery can be simulated without losing anything.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedKafkaBroker.class.getName());
    private static final String HOST = "127.0.0.1";

    private final Path dataDir;
    private final boolean ownsDataDir;
    private final int port;
    private final Properties config;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path dataDir, boolean ownsDataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.port = port;
        this.config = brokerConfig(dataDir.resolve("logs"), port, controllerPort);
    }

    /**
     * Formats the storage when it is new, starts the broker and waits until it answers.
     *
     * @param dataDir where the logs live; null for a fresh temporary folder, deleted by {@link #close()}
     * @param port    the client port; 0 picks free ports (the controller port is always picked)
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        KafkaLogging.quiet();
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("warden-kafka-") : Files.createDirectories(dataDir);
            int brokerPort = port == 0 ? freePort() : port;
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.toAbsolutePath(), temporary, brokerPort, freePort());
            try {
                broker.format();
                broker.startServer();
            } catch (IOException | RuntimeException e) {
                broker.close();
                throw e;
            }
            LOG.log(System.Logger.Level.INFO, "Embedded Kafka broker (KRaft) listening on {0}, data in {1}",
                    broker.bootstrapServers(), broker.dataDir);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded Kafka broker's folder", e);
        }
    }

    /** host:port for clients' {@code bootstrap.servers}; the same across restarts. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Shuts the broker down, keeping its data and ports for {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker again on the same ports over the same data. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    /** Stops the broker; deletes the data folder when {@link #start} created it. */
    @Override
    public synchronized void close() {
        stop();
        if (ownsDataDir) {
            deleteRecursively(dataDir);
        }
    }

    private synchronized void startServer() {
        KafkaRaftServer fresh = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server = fresh;
        try {
            fresh.startup();
            awaitReady();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void format() throws IOException {
        Path file = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "Embedded Warden broker");
        }
        // --ignore-formatted keeps existing data when the folder is reused across runs.
        String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString(), "--ignore-formatted"};
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("Formatting Kafka storage in " + dataDir + " failed: "
                    + output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    // startup() returns once the broker is unfenced; asking for the cluster proves clients get in.
    private void awaitReady() {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "warden-embedded-readiness");
        try (Admin admin = Admin.create(adminConfig)) {
            admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Embedded Kafka broker did not become ready on " + bootstrapServers(), e);
        }
    }

    private static Properties brokerConfig(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // One node: every internal topic has a single replica, so transactions and EOS Streams work.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("num.partitions", String.valueOf(KafkaTopics.DEFAULT_PARTITIONS));
        props.put("group.initial.rebalance.delay.ms", "0");
        // Light on threads and memory: this shares a developer's machine.
        props.put("num.network.threads", "1");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        return props;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete the embedded Kafka data in " + dir, e);
        }
    }
}

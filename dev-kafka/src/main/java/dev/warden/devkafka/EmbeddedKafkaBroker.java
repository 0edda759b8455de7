package dev.warden.devkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) running in this
 * JVM, for dev mode and tests: dev tooling, never in the production jar's libraries. {@link #stop()}
 * and {@link #restart()} keep the ports and the data, so an outage and its recovery can be simulated
 * without losing anything.
 *
 * <p>{@link #startWithScram()} adds a second listener that demands SASL (SCRAM-SHA-512), the way
 * managed Kafka services do; its users are created at run time with {@link #upsertScramUser} over the
 * plaintext listener, which stays open for that (and for inter-broker traffic). Its connections must
 * re-authenticate every {@link #SASL_REAUTHENTICATION_MS} ms, so a credential changed or deleted at the
 * broker takes effect on open connections within seconds, as on a managed service (there within an hour).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedKafkaBroker.class.getName());
    private static final String HOST = BrokerConfig.HOST;
    /** The SASL mechanism of {@link #saslBootstrapServers()}. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    /** Partitions of a topic created by the broker itself; Warden creates its own topics explicitly. */
    static final int DEFAULT_PARTITIONS = 3;
    /** How often a SASL connection must prove its credential again. */
    public static final int SASL_REAUTHENTICATION_MS = 2_000;

    private final Path dataDir;
    private final boolean ownsDataDir;
    private final int port;
    private final int saslPort;
    private final Properties config;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path dataDir, boolean ownsDataDir, int port, int controllerPort, int saslPort,
                                int defaultPartitions) {
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.port = port;
        this.saslPort = saslPort;
        this.config = BrokerConfig.of(dataDir.resolve("logs"), port, controllerPort, saslPort, defaultPartitions);
    }

    /**
     * Formats the storage when it is new, starts the broker and waits until it answers.
     *
     * @param dataDir where the logs live; null for a fresh temporary folder, deleted by {@link #close()}
     * @param port    the client port; 0 picks free ports (the controller port is always picked)
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, false, DEFAULT_PARTITIONS);
    }

    /**
     * A temporary broker that gives a topic created without a partition count this many partitions
     * ({@code num.partitions}; Kafka's own default is 1), for tests that must tell Warden's count from
     * the broker's.
     */
    public static EmbeddedKafkaBroker startWithDefaultPartitions(int partitions) {
        return start(null, 0, false, partitions);
    }

    /**
     * A temporary broker with a plaintext listener ({@link #bootstrapServers()}) and one that demands
     * SASL with {@value #SCRAM_MECHANISM} ({@link #saslBootstrapServers()}), which knows no user yet.
     */
    public static EmbeddedKafkaBroker startWithScram() {
        return start(null, 0, true, DEFAULT_PARTITIONS);
    }

    private static EmbeddedKafkaBroker start(Path dataDir, int port, boolean scram, int defaultPartitions) {
        BrokerLogging.quiet();
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("warden-kafka-") : Files.createDirectories(dataDir);
            int brokerPort = port == 0 ? freePort() : port;
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.toAbsolutePath(), temporary, brokerPort, freePort(),
                    scram ? freePort() : 0, defaultPartitions);
            try {
                BrokerStorage.format(broker.dataDir, broker.config);
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

    /** host:port of the plaintext listener for clients' {@code bootstrap.servers}; the same across restarts. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** host:port of the listener that demands SASL {@value #SCRAM_MECHANISM}; only after {@link #startWithScram()}. */
    public String saslBootstrapServers() {
        if (saslPort == 0) {
            throw new IllegalStateException("this broker has no SASL listener; start it with startWithScram()");
        }
        return HOST + ":" + saslPort;
    }

    /**
     * Creates the SCRAM user, or gives it a new password, through the plaintext listener; returns
     * once the broker knows the credential.
     */
    public void upsertScramUser(String user, String password) {
        scramCredentials().upsert(user, password);
    }

    /** Removes the SCRAM user's credential: from then on it cannot authenticate. */
    public void deleteScramUser(String user) {
        scramCredentials().delete(user);
    }

    private ScramCredentials scramCredentials() {
        saslBootstrapServers(); // only a broker with a SASL listener has SCRAM users
        return new ScramCredentials(bootstrapServers());
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
            BrokerStorage.delete(dataDir);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}

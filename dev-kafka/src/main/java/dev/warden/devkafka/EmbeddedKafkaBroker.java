package dev.warden.devkafka;

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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
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
    private static final String HOST = "127.0.0.1";
    /** The SASL mechanism of {@link #saslBootstrapServers()}. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    /** Partitions of a topic created by the broker itself; Warden creates its own topics explicitly. */
    static final int DEFAULT_PARTITIONS = 3;
    private static final int SCRAM_ITERATIONS = 4096;
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
        this.config = brokerConfig(dataDir.resolve("logs"), port, controllerPort, saslPort, defaultPartitions);
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
        alterScram(user, admin -> admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password))).all().get(30,
                TimeUnit.SECONDS), true);
    }

    /** Removes the SCRAM user's credential: from then on it cannot authenticate. */
    public void deleteScramUser(String user) {
        alterScram(user, admin -> admin.alterUserScramCredentials(List.of(new UserScramCredentialDeletion(user,
                ScramMechanism.SCRAM_SHA_512))).all().get(30, TimeUnit.SECONDS), false);
    }

    private interface AdminCall {
        void run(Admin admin) throws ExecutionException, InterruptedException, TimeoutException;
    }

    private void alterScram(String user, AdminCall call, boolean present) {
        saslBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "warden-embedded-scram"))) {
            call.run(admin);
            // The controller commits the credential; wait until the broker's metadata has it too.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (knows(admin, user) != present) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply the SCRAM credential of " + user);
                }
                Thread.sleep(20);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not change the SCRAM credential of " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while changing the SCRAM credential of " + user, e);
        }
    }

    private static boolean knows(Admin admin, String user) throws InterruptedException, TimeoutException {
        try {
            return admin.describeUserScramCredentials(List.of(user)).description(user).get(10, TimeUnit.SECONDS)
                    .credentialInfos().stream().anyMatch(info -> info.mechanism() == ScramMechanism.SCRAM_SHA_512);
        } catch (ExecutionException e) {
            return false; // ResourceNotFoundException: no credential for this user
        }
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

    private static Properties brokerConfig(Path logDir, int port, int controllerPort, int saslPort,
                                           int defaultPartitions) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        String plaintext = "PLAINTEXT://" + HOST + ":" + port;
        String sasl = saslPort == 0 ? "" : ",SASL_PLAINTEXT://" + HOST + ":" + saslPort;
        props.put("listeners", plaintext + sasl + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", plaintext + sasl);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                + (saslPort == 0 ? "" : ",SASL_PLAINTEXT:SASL_PLAINTEXT"));
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        if (saslPort != 0) {
            // SCRAM on the SASL listener only; the server side's JAAS entry names the module, no user.
            props.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
            props.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", SCRAM_MECHANISM);
            props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            props.put("listener.name.sasl_plaintext.scram-sha-512.connections.max.reauth.ms",
                    String.valueOf(SASL_REAUTHENTICATION_MS));
        }
        props.put("log.dirs", logDir.toString());
        // One node: every internal topic has a single replica, so transactions and EOS Streams work.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("num.partitions", String.valueOf(defaultPartitions));
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

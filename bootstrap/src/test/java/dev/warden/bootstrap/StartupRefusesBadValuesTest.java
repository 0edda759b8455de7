package dev.warden.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad value of a variable that used to be parsed only once PostgreSQL, Kafka and the alarm
 * topology had started stops start-up with one line naming it, before anything connects: the
 * "database" and the "broker" here are one listening socket that counts who knocks.
 */
class StartupRefusesBadValuesTest {
    @TempDir
    Path dir;

    private ServerSocket listener;
    private final AtomicInteger knocks = new AtomicInteger();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("knock-counter").start(() -> {
            while (!listener.isClosed()) {
                try (Socket knock = listener.accept()) {
                    knocks.incrementAndGet(); // and hung up on: no PostgreSQL, no Kafka here
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    // next one
                }
            }
        });
    }

    @AfterEach
    void stopListening() throws IOException {
        listener.close();
    }

    /** Everything a production start needs, all pointing at the listener. */
    private Map<String, String> env(String variable, String value) {
        String address = "127.0.0.1:" + listener.getLocalPort();
        Map<String, String> env = new HashMap<>(Map.of(
                "WARDEN_DB_URL", "jdbc:postgresql://" + address + "/warden",
                "WARDEN_DB_CONNECT_TIMEOUT", "PT0.25S",
                "WARDEN_KAFKA_BOOTSTRAP", address,
                "WARDEN_HTTP_PORT", "0",
                "WARDEN_MANAGEMENT_PORT", "0",
                "WARDEN_OWNER_PASSWORD", "a fine long passphrase"));
        if (variable != null) {
            env.put(variable, value.replace("{listener}", address));
        }
        return env;
    }

    private List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private WardenApplication start(Map<String, String> env) {
        return Main.startOrExplain(false, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WARDEN_TRUSTED_PROXIES|10.0.0.0/8,not-a-network|WARDEN_TRUSTED_PROXIES must be a comma-separated list of IP networks",
        "WARDEN_TRUSTED_PROXIES|10.0.0.0/33|WARDEN_TRUSTED_PROXIES must be a comma-separated list of IP networks",
        "WARDEN_HTTP_HOST|local host|WARDEN_HTTP_HOST must be an IP address or a host name",
        "WARDEN_MANAGEMENT_HOST|10.0.0.256|WARDEN_MANAGEMENT_HOST must be an IP address or a host name",
        "WARDEN_OWNER_USERNAME|the owner|WARDEN_OWNER_USERNAME must be 1 to 64 letters, digits or . _ - @ characters",
        "WARDEN_DB_URL|jdbc:postgresql://{listener}|WARDEN_DB_URL must be a PostgreSQL JDBC URL",
        "WARDEN_DB_URL|jdbc:postgresql://127.0.0.1:port/warden|WARDEN_DB_URL must be a PostgreSQL JDBC URL",
        "WARDEN_PUBLIC_URL|http://warden.example.com|WARDEN_PUBLIC_URL must be https://",
        "WARDEN_PUBLIC_URL|https://warden.example.com|WARDEN_SSF_SIGNING_KEY_FILE must name a PEM file",
        "WARDEN_SSF_SIGNING_KEY_FILE|/nonexistent/ssf-keys.pem|WARDEN_SSF_SIGNING_KEY_FILE must be a PEM file",
        "WARDEN_OAUTH_TOKEN_LIFETIME|PT2H|WARDEN_OAUTH_TOKEN_LIFETIME must be an ISO-8601 duration from PT1S to PT60M",
        "WARDEN_SSF_PAUSED_MAX_EVENTS|0|WARDEN_SSF_PAUSED_MAX_EVENTS must be a whole number of at least 1"})
    void aBadValueIsOneLineNamingTheVariableAndNothingConnects(String variable, String value, String expected)
            throws Exception {
        WardenApplication app = start(env(variable, value));

        assertNull(app);
        List<String> said = lines(err);
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.getFirst().startsWith("warden: " + expected), said.getFirst());
        assertEquals(List.of(), lines(out), "not even the starting line");
        assertNobodyKnocked();
    }

    @Test
    void kafkaClientPropertiesNoClientAcceptsAreOneLineBeforeAnythingConnects() throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"), """
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                request.timeout.ms=soon
                """);

        WardenApplication app = start(env("WARDEN_KAFKA_PROPERTIES_FILE", file.toString()));

        assertNull(app);
        List<String> said = lines(err);
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.getFirst().startsWith("warden: WARDEN_KAFKA_PROPERTIES_FILE: no Kafka client can be built"
                + " from these settings"), said.getFirst());
        assertTrue(said.getFirst().contains("request.timeout.ms"), said.getFirst());
        assertNobodyKnocked();
    }

    /** The detector works: with every value good, start-up does go to the "database", and says so. */
    @Test
    void withEveryValueGoodTheDatabaseIsTriedAndTheLineIsAboutIt() {
        WardenApplication app = start(env(null, null));

        assertNull(app);
        assertTrue(knocks.get() >= 1, "the database was tried");
        List<String> said = lines(err);
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.getFirst().contains("PostgreSQL"), said.getFirst());
        assertTrue(lines(out).getFirst().startsWith("Warden starting"), lines(out).toString());
    }

    private void assertNobodyKnocked() throws InterruptedException {
        Thread.sleep(200); // a connection under way would be accepted by now
        assertEquals(0, knocks.get(), "nothing may connect before every variable has parsed");
    }
}

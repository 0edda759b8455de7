package dev.warden.bootstrap.e2e;

import dev.warden.devkafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Kafka broker that demands SASL (SCRAM-SHA-512), for the tests of one class, as a JUnit extension
 * ({@code @RegisterExtension static final SaslBroker broker = new SaslBroker("warden", SECRET)}):
 * started with that SCRAM user before the class's tests, stopped after them. Also writes the client
 * properties file an operator would write for it (WARDEN_KAFKA_PROPERTIES_FILE).
 */
final class SaslBroker implements BeforeAllCallback, AfterAllCallback {
    private final String user;
    private final String password;
    private EmbeddedKafkaBroker broker;

    SaslBroker(String user, String password) {
        this.user = user;
        this.password = password;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = EmbeddedKafkaBroker.startWithScram();
        broker.upsertScramUser(user, password);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** The listener that demands SASL. */
    String saslBootstrapServers() {
        return running().saslBootstrapServers();
    }

    /** The listener without authentication, for the tests' own look at the topics. */
    String bootstrapServers() {
        return running().bootstrapServers();
    }

    void upsertScramUser(String name, String secret) {
        running().upsertScramUser(name, secret);
    }

    void deleteScramUser(String name) {
        running().deleteScramUser(name);
    }

    /** WARDEN_KAFKA_BOOTSTRAP and WARDEN_KAFKA_PROPERTIES_FILE for a client of this broker configured by {@code file}. */
    Map<String, String> clientEnv(Path file) {
        return Map.of("WARDEN_KAFKA_BOOTSTRAP", saslBootstrapServers(), "WARDEN_KAFKA_PROPERTIES_FILE", file.toString());
    }

    /** Writes the file an operator writes for {@code name} (the JAAS line holds the password) as {@code file}. */
    static Path propertiesFile(Path file, String name, String secret) throws IOException {
        return Files.writeString(file, """
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                    username="%s" password="%s";
                """.formatted(name, secret));
    }

    private EmbeddedKafkaBroker running() {
        if (broker == null) {
            throw new IllegalStateException("not started: register it with @RegisterExtension on a static field");
        }
        return broker;
    }
}

package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.OwnerPasswordSource;
import dev.warden.bootstrap.WardenApplication;
import dev.warden.bootstrap.config.WardenSettings;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole service as production wires it, on a random port, against the test PostgreSQL and a
 * real Kafka broker, with an owner account whose password the tests know, on a {@link TestClock}
 * the tests move forward instead of sleeping.
 */
final class RunningWarden implements AutoCloseable {
    static final String OWNER = "owner";
    static final String OWNER_PASSWORD = "first admin passphrase 7";

    final WardenApplication app;
    /** The service's time: {@code clock.advance(...)} lets time pass without waiting for it. */
    final TestClock clock;

    private RunningWarden(WardenApplication app, TestClock clock) {
        this.app = app;
        this.clock = clock;
    }

    /** Starts on an emptied database; {@code overrides} are environment variables of docs/operations.md. */
    static RunningWarden start(Map<String, String> overrides) {
        TestPostgres.reset();
        return launch(overrides);
    }

    /**
     * One more instance on the same database (left as it is) and, unless overridden, the same
     * broker: the several-instances deployment.
     */
    static RunningWarden startAnother(Map<String, String> overrides) {
        return launch(overrides);
    }

    private static RunningWarden launch(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("WARDEN_HTTP_PORT", "0");
        env.put("WARDEN_MANAGEMENT_PORT", "0");
        env.put("WARDEN_DB_URL", TestPostgres.url());
        env.put("WARDEN_DB_USER", TestPostgres.user());
        env.put("WARDEN_DB_PASSWORD", TestPostgres.password());
        env.put("WARDEN_OWNER_USERNAME", OWNER);
        env.put("WARDEN_OWNER_PASSWORD", OWNER_PASSWORD);
        env.put("WARDEN_COOKIE_SECURE", "false");
        if (!overrides.containsKey("WARDEN_KAFKA_BOOTSTRAP")) {
            env.put("WARDEN_KAFKA_BOOTSTRAP", SharedKafka.bootstrapServers());
        }
        env.putAll(overrides);
        TestClock clock = new TestClock();
        return new RunningWarden(WardenApplication.start(WardenSettings.fromEnvironment(env, false),
                OwnerPasswordSource.configured(), clock), clock);
    }

    static RunningWarden start() {
        return start(Map.of());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + app.httpPort();
    }

    String managementUrl() {
        return "http://127.0.0.1:" + app.managementPort();
    }

    ApiClient client() {
        return new ApiClient(baseUrl(), null);
    }

    /** A client whose requests leave from {@code sourceAddress} (any 127.x.y.z works on Linux). */
    ApiClient clientFrom(String sourceAddress) {
        try {
            return new ApiClient(baseUrl(), InetAddress.getByName(sourceAddress));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A bearer token of the owner, for admin calls. */
    String ownerToken() {
        return client().login(OWNER, OWNER_PASSWORD).token();
    }

    @Override
    public void close() {
        app.close();
    }
}

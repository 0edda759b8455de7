package dev.warden.bootstrap;

import dev.warden.adapter.db.ConnectionUrls;
import dev.warden.adapter.db.DatabaseUnavailable;
import dev.warden.adapter.db.WardenDatabase;
import dev.warden.bootstrap.config.ConfigurationError;
import dev.warden.bootstrap.config.WardenSettings;
import io.helidon.logging.common.LogConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar warden.jar} runs the service configured by environment variables;
 * {@code --dev} (what {@code ./warden dev} passes) also creates the database when missing,
 * generates and prints the owner's password, leaves cookies without Secure for plain HTTP, and
 * without WARDEN_KAFKA_BOOTSTRAP starts the embedded broker (dev tooling that {@code ./warden dev}
 * puts on the class path; production requires the variable).
 * A configuration or connection problem ends start-up with one line and exit code 2.
 * {@code java -jar warden.jar unlock USERNAME} is the operators' break-glass (see {@link BreakGlass}).
 * {@code --help} and {@code --version} print and exit 0 without touching the environment; any other
 * argument is refused with one line (exit 2). The jar's Main-Class is {@link JarLauncher}, which
 * checks for Java 21+ first.
 */
public final class Main {
    static final Path DEV_OWNER_PASSWORD_FILE = Path.of("var", "dev-owner-password");
    /** Dev mode's in-process alarm topology keeps its (throwaway) state folders here, not in /tmp. */
    static final Path DEV_STREAMS_STATE_PARENT = Path.of("var", "streams");
    /** Dev mode's SET signing key, generated once unless WARDEN_SSF_SIGNING_KEY_FILE names another. */
    static final Path DEV_SSF_SIGNING_KEY_FILE = Path.of("var", "ssf-signing-key.pem");
    static final String DEV = "--dev";
    static final List<String> HELP = List.of("--help", "-h", "help");
    static final String VERSION = "--version";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && HELP.contains(args[0])) {
            System.out.print(usage(BuildInfo.current()));
            return;
        }
        if (args.length == 1 && args[0].equals(VERSION)) {
            System.out.println(versionLine(BuildInfo.current()));
            return;
        }
        LogConfig.configureRuntime(); // logging.properties: one line per record, quiet libraries
        if (args.length > 0 && args[0].equals(BreakGlass.COMMAND)) {
            System.exit(BreakGlass.unlock(Arrays.asList(args).subList(1, args.length), System.getenv(),
                    System.out, System.err));
            return;
        }
        Optional<String> unknown = Arrays.stream(args).filter(arg -> !arg.equals(DEV)).findFirst();
        if (unknown.isPresent()) {
            System.err.println("warden: unknown argument '" + unknown.get() + "'; java -jar warden.jar --help"
                    + " lists the commands");
            System.exit(2);
            return;
        }
        boolean dev = Arrays.asList(args).contains(DEV);
        WardenApplication app = startOrExplain(dev, System.getenv(), System.out, System.err);
        if (app == null) {
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "warden-shutdown"));
        printWhereEverythingIs(app, dev, System.out);
        stopped.await();
    }

    /**
     * Parses every variable, then starts the service on the system clock. A configuration or
     * connection problem is one line on {@code err} and null (exit code 2). Nothing is started or
     * connected before every variable has parsed: a bad value is named, not a database error.
     */
    static WardenApplication startOrExplain(boolean dev, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            WardenSettings settings = WardenSettings.fromEnvironment(
                    dev ? DevSigningKey.withGeneratedKey(env, DEV_SSF_SIGNING_KEY_FILE) : env, dev);
            out.println(startingLine(settings, dev));
            if (dev) {
                WardenDatabase.createDatabaseIfMissing(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
            }
            return dev
                    ? WardenApplication.start(settings, OwnerPasswordSource.generatedFor(DEV_OWNER_PASSWORD_FILE),
                            Clock.systemUTC(), DEV_STREAMS_STATE_PARENT)
                    : WardenApplication.start(settings, OwnerPasswordSource.configured(), Clock.systemUTC());
        } catch (ConfigurationError | DatabaseUnavailable e) {
            err.println("warden: " + e.getMessage());
            return null;
        }
    }

    /** What {@code --help} prints. */
    static String usage(BuildInfo build) {
        return String.join(System.lineSeparator(),
                "Warden " + build.version() + ", the session service. Needs Java " + JarLauncher.REQUIRED_JAVA
                        + " or newer.",
                "",
                "Usage: java -jar warden.jar [COMMAND]      (its libraries in libs/ beside the jar)",
                "  (no command)      run the service",
                "  --dev             dev mode: creates the database and the owner's password, plain-HTTP",
                "                    cookies; its embedded Kafka broker comes with ./warden dev",
                "  unlock USERNAME   lift a login lock (break-glass; talks to PostgreSQL only)",
                "  --help            this text",
                "  --version         the version and the commit it was built from",
                "",
                "Configuration: environment variables only. WARDEN_KAFKA_BOOTSTRAP (the brokers'",
                "host:port,...) is required; WARDEN_DB_URL, WARDEN_DB_USER, WARDEN_DB_PASSWORD name",
                "PostgreSQL (default jdbc:postgresql://127.0.0.1:5432/warden, user postgres);",
                "WARDEN_OWNER_PASSWORD is the owner's first password. Every variable: docs/operations.md.",
                "A bad setting, or what start-up could not reach, stops it with one line and exit code 2.",
                "");
    }

    /** What {@code --version} prints. */
    static String versionLine(BuildInfo build) {
        return "warden " + build.version() + " (commit " + build.commit() + ")";
    }

    /** The first line: where everything will be. The database URL is redacted (it may carry credentials). */
    static String startingLine(WardenSettings settings, boolean dev) {
        return "Warden starting" + (dev ? " in dev mode" : "") + ": HTTP on " + settings.httpHost() + ":"
                + settings.httpPort() + " (at most " + settings.httpMaxConnections() + " connections), PostgreSQL at "
                + ConnectionUrls.redact(settings.dbUrl()) + ", Kafka "
                + (settings.embeddedKafka() ? "embedded (in process)" : "at " + settings.kafkaBootstrap()) + ".";
    }

    static void printWhereEverythingIs(WardenApplication app, boolean dev, PrintStream out) {
        WardenSettings s = app.settings();
        String base = "http://" + s.httpHost() + ":" + app.httpPort();
        out.println("Warden is running" + (dev ? " in dev mode" : "") + ".");
        out.println("  Web console:  " + base + "/");
        out.println("  REST API:     " + base + "/api  (OpenAPI: " + base + "/openapi)");
        out.println("  Health:       " + base + "/observe/health");
        String management = "http://" + s.management().host() + ":" + app.managementPort();
        out.println("  Management:   " + management + "/observe/health (details), " + management
                + "/observe/metrics (Prometheus)");
        if (s.ssf().enabled()) {
            out.println("  Shared Signals: " + s.ssf().publicUrl() + "/.well-known/oauth-authorization-server"
                    + " (receivers: docs/ssf.md)");
        }
        out.println("  PostgreSQL:   " + ConnectionUrls.redact(s.dbUrl()));
        out.println("  Kafka:        " + app.kafkaBootstrap() + (s.embeddedKafka() ? " (embedded broker)" : ""));
        out.println("  Alarm topology: " + app.streamsStateFolder().map(state -> "running in this process (state in "
                + state + ")").orElse("off (run alarm-streams separately)"));
        OwnerLogin owner = app.ownerLogin();
        if (owner.password() != null) {
            out.println("  Owner login:  " + owner.username() + " / " + owner.password()
                    + (dev && !owner.createdNow() ? "  (remembered in " + DEV_OWNER_PASSWORD_FILE + ")" : ""));
        } else {
            out.println("  Owner login:  " + owner.username() + " (password as set when the owner was created)");
        }
        if (dev) {
            out.println("  Try: curl -si -X POST " + base + "/api/auth/login -H 'Content-Type: application/json' -d '{\"username\":\""
                    + owner.username() + "\",\"password\":\"...\"}'");
        }
        out.println("Press Ctrl+C to stop.");
    }
}

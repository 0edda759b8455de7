package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.bootstrap.BuildInfo;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, as production runs it: {@code java -jar bootstrap/target/warden.jar} with
 * its libraries beside it and only environment variables. Catches what in-process tests cannot:
 * a library missing from {@code libs/}, a broken manifest, a start-up that does not finish, a
 * broker or Scala shipped to production.
 */
class ProductionJarIT {
    private static final Path JAR = Path.of("target", "warden.jar");
    private static final Path LIBS = Path.of("target", "libs");
    /** What ./warden dev adds to the class path: the dev tooling, whose manifest lists the broker's libraries. */
    private static final Path DEV_KAFKA_JAR = Path.of("..", "dev-kafka", "target", "warden-dev-kafka.jar");
    /**
     * What a healthy start and stop must not print: the JVM's own warnings (restricted methods such as
     * RocksDB's System.loadLibrary, sun.misc.Unsafe), Kafka Streams' warnings about its state in the
     * temporary directory and the global processing exception handler, any Kafka WARNING or SEVERE.
     */
    private static final Pattern ALARMING = Pattern.compile(
            "^WARNING:.*|.*Using an OS temp directory.*|.*not enabled for the GlobalThread.*"
                    + "|.*\\b(WARNING|SEVERE) +org\\.apache\\.kafka\\..*");
    /** The broker (kafka_2.13 and its server modules) and Scala: dev tooling only. */
    private static final Pattern BROKER_OR_SCALA = Pattern.compile(
            "(kafka_2\\.13|scala-[a-z-]+|kafka-(server|raft|metadata|storage|storage-api|coordinator-common"
                    + "|group-coordinator|group-coordinator-api|share-coordinator|transaction-coordinator)"
                    + "|warden-dev-kafka)-[0-9][^/ ]*\\.jar");

    /** The Class-Path of warden.jar's manifest: the libraries production loads from libs/. */
    private static String jarClassPath() throws IOException {
        assertTrue(Files.exists(JAR), "run in the integration-test phase, after package");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Class-Path");
        }
    }

    private static ProcessBuilder warden(Map<String, String> env, Path output) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("WARDEN_"));
        builder.environment().putAll(env);
        return builder;
    }

    @Test
    void theJarStartsServesAndLogsInWithItsLibrariesBesideIt() throws Exception {
        assertTrue(Files.exists(JAR), "run in the integration-test phase, after package");
        TestPostgres.reset();
        int port = freePort();
        Path output = Files.createTempFile("warden-jar", ".log");
        // A query string is where JDBC URLs carry credentials; this one must never be printed.
        String url = TestPostgres.url() + (TestPostgres.url().contains("?") ? "&" : "?") + "sslpassword=url-secret-7";
        int managementPort = freePort();
        Process process = warden(Map.of(
                "WARDEN_HTTP_PORT", String.valueOf(port), "WARDEN_MANAGEMENT_PORT", String.valueOf(managementPort),
                "WARDEN_DB_URL", url, "WARDEN_DB_USER", TestPostgres.user(),
                "WARDEN_DB_PASSWORD", TestPostgres.password(),
                "WARDEN_KAFKA_BOOTSTRAP", SharedKafka.bootstrapServers(),
                "WARDEN_OWNER_PASSWORD", RunningWarden.OWNER_PASSWORD), output).start();
        try {
            ApiClient api = new ApiClient("http://127.0.0.1:" + port, null);
            HttpClient http = HttpClient.newHttpClient();
            Eventually.await("the health endpoint", Duration.ofSeconds(60), () -> {
                try {
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health"))
                            .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (IOException e) {
                    return -1;
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, status -> status == 200 || !process.isAlive());
            assertTrue(process.isAlive(), Files.readString(output));

            String token = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD).token();
            assertEquals(200, api.get("/api/admin/sessions", token).status());
            String log = Files.readString(output);
            assertTrue(log.startsWith("Warden starting"), "the first line says where everything is: " + log);
            assertTrue(log.contains("Warden is running"), log);
            assertTrue(!log.contains(RunningWarden.OWNER_PASSWORD), "the configured owner password is never printed");
            assertTrue(!log.contains("url-secret-7"), "the database URL is printed redacted: " + log);
            assertTrue(log.contains("PostgreSQL at jdbc:postgresql://"), log);
            assertTrue(log.contains("Kafka at " + SharedKafka.bootstrapServers()), log);
            assertTrue(!log.contains("Embedded Kafka broker"), "production starts no broker: " + log);
            // The packaged libraries serve Prometheus metrics on the management port.
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + managementPort + "/observe/metrics")).header("Accept", "text/plain").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scrape.statusCode(), scrape.body());
            assertTrue(scrape.body().contains("warden_logins_total{outcome=\"succeeded\""), scrape.body());
        } finally {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
        }
        // java -jar alone, no flag: the manifest grants native access, nothing calls sun.misc.Unsafe.
        assertEquals(List.of(), alarmingLines(output), "a healthy start and stop is quiet: " + Files.readString(output));
    }

    @Test
    void helpAndVersionPrintAndExitZeroWithoutDatabaseOrBroker() throws Exception {
        Map<String, String> nothingReachable = Map.of("WARDEN_DB_URL", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "WARDEN_KAFKA_BOOTSTRAP", "127.0.0.1:1");
        String version = BuildInfo.current().version();
        assertTrue(!version.equals(BuildInfo.UNKNOWN), "the build filtered build.properties");
        for (String help : List.of("--help", "-h", "help")) {
            Path output = Files.createTempFile("warden-help", ".log");
            Process process = warden(nothingReachable, output).command(java(), "-jar", JAR.toString(), help).start();

            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            String text = Files.readString(output);
            assertEquals(0, process.exitValue(), text);
            assertTrue(text.startsWith("Warden " + version + ", the session service. Needs Java 21 or newer."), text);
            for (String expected : List.of("Usage: java -jar warden.jar", "--dev", "unlock USERNAME", "--version",
                    "WARDEN_KAFKA_BOOTSTRAP", "docs/operations.md")) {
                assertTrue(text.contains(expected), expected + " in " + text);
            }
            assertTrue(!text.contains("Warden starting"), "help starts nothing: " + text);
        }

        Path output = Files.createTempFile("warden-version", ".log");
        Process process = warden(nothingReachable, output).command(java(), "-jar", JAR.toString(), "--version").start();

        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), Files.readString(output));
        List<String> lines = Files.readAllLines(output);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().matches("warden " + Pattern.quote(version) + " \\(commit [^ )]+\\)"), lines.toString());
    }

    @Test
    void anUnknownArgumentIsOneLineNotAStart() throws Exception {
        Path output = Files.createTempFile("warden-jar", ".log");
        Process process = warden(Map.of(), output).command(java(), "-jar", JAR.toString(), "--hlep").start();

        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertEquals(List.of("warden: unknown argument '--hlep'; java -jar warden.jar --help lists the commands"),
                Files.readAllLines(output));
    }

    /**
     * Under a Java older than 21 the jar says so in one line, rather than failing with an
     * UnsupportedClassVersionError. Needs such a Java in /usr/lib/jvm (this project's machines have 17).
     */
    @Test
    void anOlderJavaIsToldInOneLineThatJava21IsNeeded() throws Exception {
        Optional<Path> olderJava = olderJava();
        assumeTrue(olderJava.isPresent(), "no Java older than 21 in /usr/lib/jvm");
        for (List<String> args : List.of(List.<String>of(), List.of("--help"))) {
            Path output = Files.createTempFile("warden-old-java", ".log");
            List<String> command = new ArrayList<>(List.of(olderJava.get().toString(), "-jar", JAR.toString()));
            command.addAll(args);
            Process process = warden(Map.of(), output).command(command).start();

            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, process.exitValue(), Files.readString(output));
            List<String> lines = Files.readAllLines(output);
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.getFirst().startsWith("warden: needs Java 21 or newer, but this is Java "), lines.toString());
        }
    }

    /** A java binary of /usr/lib/jvm whose release file says it is older than 21. */
    private static Optional<Path> olderJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> featureVersion(home).filter(v -> v >= 8 && v < 21).isPresent())
                    .map(home -> home.resolve("bin/java"))
                    .findFirst();
        }
    }

    private static Optional<Integer> featureVersion(Path javaHome) {
        Properties release = new Properties();
        try (var in = Files.newInputStream(javaHome.resolve("release"))) {
            release.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        Matcher version = Pattern.compile("\"?(?:1\\.)?(\\d+).*").matcher(release.getProperty("JAVA_VERSION", ""));
        return version.matches() ? Optional.of(Integer.parseInt(version.group(1))) : Optional.empty();
    }

    private static List<String> alarmingLines(Path output) throws IOException {
        return Files.readAllLines(output).stream().filter(line -> ALARMING.matcher(line).matches()).toList();
    }

    @Test
    void thePasswordAdapterAndItsLibrariesShipInLibs() throws Exception {
        String classPath = jarClassPath();
        // Every login hashes with them: a jar without them would start and then fail each login.
        for (String library : List.of("warden-adapters-password-", "bcprov-jdk18on-", "zxcvbn-")) {
            assertTrue(classPath.contains("libs/" + library), library + " is not on the jar's class path: " + classPath);
            try (Stream<Path> files = Files.list(LIBS)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith(library)), library + " is not in " + LIBS);
            }
        }
    }

    @Test
    void theUserAgentAdapterAndItsLibrariesShipInLibs() throws Exception {
        String classPath = jarClassPath();
        // Every login and every session list parses with them; without the Log4j bridge Yauaa cannot even log.
        for (String library : List.of("warden-adapters-useragent-", "yauaa-", "log4j-api-", "log4j-to-slf4j-")) {
            assertTrue(classPath.contains("libs/" + library), library + " is not on the jar's class path: " + classPath);
            try (Stream<Path> files = Files.list(LIBS)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith(library)), library + " is not in " + LIBS);
            }
        }
    }

    @Test
    void theProductionLibrariesHoldNeitherTheKafkaBrokerNorScala() throws Exception {
        String classPath = jarClassPath();
        assertTrue(classPath.contains("libs/kafka-clients-") && classPath.contains("libs/kafka-streams-"),
                "the clients and Kafka Streams are what production needs: " + classPath);
        assertTrue(!BROKER_OR_SCALA.matcher(classPath).find(), "the jar's class path names dev tooling: " + classPath);
        List<String> shipped;
        try (Stream<Path> files = Files.list(LIBS)) {
            shipped = files.map(f -> f.getFileName().toString()).filter(n -> BROKER_OR_SCALA.matcher(n).matches()).toList();
        }
        assertEquals(List.of(), shipped, "dev tooling in " + LIBS);
        // The pattern does find them where they are meant to be.
        try (JarFile dev = new JarFile(DEV_KAFKA_JAR.toFile())) {
            String devClassPath = dev.getManifest().getMainAttributes().getValue("Class-Path");
            assertTrue(BROKER_OR_SCALA.matcher(devClassPath).find() && devClassPath.contains("kafka_2.13-")
                    && devClassPath.contains("scala-library-"), devClassPath);
        }
    }

    @Test
    void withoutABrokerAddressProductionStopsWithOneLineNamingTheVariable() throws Exception {
        Path output = Files.createTempFile("warden-jar", ".log");
        Process process = warden(Map.of("WARDEN_HTTP_PORT", String.valueOf(freePort()),
                "WARDEN_DB_URL", TestPostgres.url(), "WARDEN_DB_USER", TestPostgres.user(),
                "WARDEN_DB_PASSWORD", TestPostgres.password(),
                "WARDEN_OWNER_PASSWORD", RunningWarden.OWNER_PASSWORD), output).start();

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertEquals(List.of("warden: WARDEN_KAFKA_BOOTSTRAP is required outside dev mode: set it to the brokers'"
                + " host:port[,host:port...] (production never starts a throwaway broker)"), meaningfulLines(output));
    }

    /**
     * A port another process holds ends the start with one line naming its variable, before anything
     * starts (Helidon alone only logs a listener it could not bind, and Warden announced port -1).
     * In a process of its own: a refused start must not share a JVM with the other tests' servers.
     */
    @Test
    void aTakenPortStopsTheStartWithOneLineNamingTheVariable() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            for (String variable : List.of("WARDEN_HTTP_PORT", "WARDEN_MANAGEMENT_PORT")) {
                Path output = Files.createTempFile("warden-jar", ".log");
                Process process = warden(Map.of(variable, String.valueOf(taken.getLocalPort()),
                        "WARDEN_KAFKA_BOOTSTRAP", "127.0.0.1:1",
                        "WARDEN_DB_URL", TestPostgres.url(), "WARDEN_DB_USER", TestPostgres.user(),
                        "WARDEN_DB_PASSWORD", TestPostgres.password(),
                        "WARDEN_OWNER_PASSWORD", RunningWarden.OWNER_PASSWORD), output).start();

                assertTrue(process.waitFor(60, TimeUnit.SECONDS));
                assertEquals(2, process.exitValue(), Files.readString(output));
                List<String> lines = meaningfulLines(output).stream()
                        .filter(l -> !l.startsWith("Warden starting")).toList();
                assertEquals(1, lines.size(), lines.toString());
                assertTrue(lines.getFirst().startsWith("warden: " + variable + ": cannot listen on ")
                        && lines.getFirst().contains(":" + taken.getLocalPort()), lines.toString());
            }
        }
    }

    @Test
    void productionRefusesTheEmbeddedBroker() throws Exception {
        Path output = Files.createTempFile("warden-jar", ".log");
        Process process = warden(Map.of("WARDEN_KAFKA_BOOTSTRAP", "embedded",
                "WARDEN_OWNER_PASSWORD", RunningWarden.OWNER_PASSWORD), output).start();

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        List<String> lines = meaningfulLines(output);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().startsWith("warden: WARDEN_KAFKA_BOOTSTRAP=embedded is for dev mode only"), lines.toString());
    }

    @Test
    void theProductionJarAloneCannotRunDevModesBroker() throws Exception {
        Path output = Files.createTempFile("warden-jar", ".log");
        Process process = warden(Map.of("WARDEN_HTTP_PORT", String.valueOf(freePort()),
                "WARDEN_DB_URL", TestPostgres.url(), "WARDEN_DB_USER", TestPostgres.user(),
                "WARDEN_DB_PASSWORD", TestPostgres.password(),
                "WARDEN_OWNER_PASSWORD", RunningWarden.OWNER_PASSWORD), output)
                .command(java(), "-jar", JAR.toString(), "--dev").start();

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), Files.readString(output));
        List<String> lines = meaningfulLines(output).stream().filter(l -> !l.startsWith("Warden starting")).toList();
        assertEquals(List.of("warden: WARDEN_KAFKA_BOOTSTRAP=embedded needs the dev tooling"
                + " (dev-kafka/target/warden-dev-kafka.jar) on the class path, which ./warden dev adds;"
                + " or set WARDEN_KAFKA_BOOTSTRAP to the brokers' host:port"), lines);
    }

    /**
     * What {@code ./warden dev} runs: the service's jar plus the dev tooling's, in dev mode, with the
     * launcher's flags (native access for the class path; on JDK 23+ sun.misc.Unsafe for the embedded
     * broker, which unmaps its index files with it). Its alarm state lives under var/streams.
     */
    @Test
    void devModeWithTheDevToolingRunsTheWholeSystemOnTheEmbeddedBroker() throws Exception {
        TestPostgres.reset();
        int port = freePort();
        Path output = Files.createTempFile("warden-dev", ".log");
        Path workDir = Files.createTempDirectory("warden-dev");
        // A free management port too: a dev Warden elsewhere on the box (a bench) holds the default 9090.
        Process process = warden(Map.of("WARDEN_HTTP_PORT", String.valueOf(port),
                "WARDEN_MANAGEMENT_PORT", String.valueOf(freePort()),
                "WARDEN_DB_URL", TestPostgres.url(), "WARDEN_DB_USER", TestPostgres.user(),
                "WARDEN_DB_PASSWORD", TestPostgres.password(),
                "WARDEN_OWNER_PASSWORD", RunningWarden.OWNER_PASSWORD), output)
                .directory(workDir.toFile())
                .command(devCommand()).start();
        Path stateParent = workDir.resolve("var").resolve("streams");
        try {
            Eventually.await("Warden in dev mode to be running", Duration.ofSeconds(90),
                    () -> readQuietly(output), log -> log.contains("Press Ctrl+C") || !process.isAlive());
            String log = Files.readString(output);
            assertTrue(process.isAlive(), log);
            assertTrue(log.startsWith("Warden starting in dev mode") && log.contains("Kafka embedded (in process)"), log);
            Matcher kafka = Pattern.compile("Kafka: +(\\S+) \\(embedded broker\\)").matcher(log);
            assertTrue(kafka.find(), log);
            assertTrue(log.contains("running in this process (state in " + stateParent.toRealPath()
                    .resolve("warden-streams-")), "dev mode keeps the alarm state under var/streams: " + log);

            ApiClient api = new ApiClient("http://127.0.0.1:" + port, null);
            String token = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD).token();
            String sessionId = api.get("/api/auth/session", token).json().path("session").path("id").asText();
            try (TopicTail tail = new TopicTail(kafka.group(1), "warden.session-events")) {
                tail.until(seen -> seen.stream().anyMatch(e -> e.data().path("sessionId").asText().equals(sessionId)),
                        Duration.ofSeconds(60));
            }
        } finally {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
        }
        assertEquals(List.of(), alarmingLines(output), "a healthy dev start and stop is quiet: " + Files.readString(output));
        try (Stream<Path> left = Files.list(stateParent)) {
            assertEquals(List.of(), left.toList(), "the state folder is deleted at stop");
        }
    }

    /** The command ./warden dev runs (the script adds the Unsafe flag on JDK 23+ only: 21 and 22 reject it). */
    private static List<String> devCommand() {
        List<String> command = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", JAR.toAbsolutePath() + java.io.File.pathSeparator + DEV_KAFKA_JAR.toAbsolutePath(),
                "dev.warden.bootstrap.Main", "--dev"));
        return command;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void aBadValueStopsStartUpWithOneLineNamingTheVariable() throws Exception {
        Path output = Files.createTempFile("warden-jar", ".log");
        Process process = warden(Map.of("WARDEN_SESSION_IDLE_TIMEOUT", "sixty minutes"), output).start();

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        List<String> lines = meaningfulLines(output);
        assertEquals(List.of("warden: WARDEN_SESSION_IDLE_TIMEOUT must be a positive ISO-8601 duration such as PT60M"
                + " or PT30S, was 'sixty minutes'"), lines);
    }

    @Test
    void productionRefusesToCreateAnOwnerWithoutAPassword() throws Exception {
        TestPostgres.reset();
        Path output = Files.createTempFile("warden-jar", ".log");
        Process process = warden(Map.of("WARDEN_HTTP_PORT", String.valueOf(freePort()),
                "WARDEN_MANAGEMENT_PORT", String.valueOf(freePort()),
                "WARDEN_DB_URL", TestPostgres.url(), "WARDEN_DB_USER", TestPostgres.user(),
                "WARDEN_DB_PASSWORD", TestPostgres.password(),
                "WARDEN_KAFKA_BOOTSTRAP", SharedKafka.bootstrapServers()), output).start();

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertTrue(Files.readString(output).contains("WARDEN_OWNER_PASSWORD"), Files.readString(output));
    }

    @Test
    void theJarUnlocksALockedOutUserFromTheShellWithOneLine() throws Exception {
        assertTrue(Files.exists(JAR), "run in the integration-test phase, after package");
        try (RunningWarden warden = RunningWarden.start()) {
            ApiClient api = warden.client();
            for (int i = 0; i < 10; i++) {
                api.login(RunningWarden.OWNER, "an attacker's guess");
            }
            assertEquals(401, api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD).status(), "locked out");
            Map<String, String> env = Map.of("WARDEN_DB_URL", TestPostgres.url(), "WARDEN_DB_USER", TestPostgres.user(),
                    "WARDEN_DB_PASSWORD", TestPostgres.password());
            Path output = Files.createTempFile("warden-unlock", ".log");

            Process unlock = warden(env, output).command(java(), "-jar", JAR.toString(), "unlock", "owner").start();

            assertTrue(unlock.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, unlock.exitValue(), Files.readString(output));
            assertEquals(List.of("warden: unlocked owner"), meaningfulLines(output));
            assertEquals(201, api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD).status());
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> meaningfulLines(Path output) throws IOException {
        return Files.readAllLines(output).stream().filter(l -> !l.isBlank()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, as production runs it: {@code java -jar bootstrap/target/warden.jar} with
 * its libraries beside it and only environment variables. Catches what in-process tests cannot:
 * a library missing from {@code libs/}, a broken manifest, a start-up that does not finish.
 */
class ProductionJarIT {
    private static final Path JAR = Path.of("target", "warden.jar");

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
    }

    @Test
    void aBadValueStopsStartUpWithOneLineNamingTheVariable() throws Exception {
        Path output = Files.createTempFile("warden-jar", ".log");
        Process process = warden(Map.of("WARDEN_SESSION_IDLE_TIMEOUT", "sixty minutes"), output).start();

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        List<String> lines = Files.readAllLines(output).stream().filter(l -> !l.isBlank())
                .filter(l -> !l.startsWith("WARNING:")).toList(); // the JVM's own sun.misc.Unsafe notes
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
                "WARDEN_DB_PASSWORD", TestPostgres.password()), output).start();

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
        return Files.readAllLines(output).stream().filter(l -> !l.isBlank())
                .filter(l -> !l.startsWith("WARNING:")).toList(); // the JVM's own sun.misc.Unsafe notes
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

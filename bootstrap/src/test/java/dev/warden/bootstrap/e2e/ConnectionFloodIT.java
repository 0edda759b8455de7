package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A flood of TCP connections to the public port, against the packaged service in a process whose
 * open files are limited to 1,024 ({@code ulimit -n}). Before the connection cap, the server took
 * connections until accept failed for want of files, and Helidon then closed the public port for
 * good while the process lived on. Now the port holds at most half the open files and keeps the
 * rest for the database, Kafka and the management port; the flood waits, and the service serves
 * again as soon as it ends.
 */
class ConnectionFloodIT {
    private static final Path JAR = Path.of("target", "warden.jar");
    private static final int OPEN_FILES = 1024;
    private static final int FLOOD = 1_300;

    @Test
    void givenMoreConnectionsThanTheProcessHasFiles_thenThePortStaysOpen_andServesOnceTheFloodEnds() throws Exception {
        TestPostgres.reset();
        int port = freePort();
        int managementPort = freePort();
        Path output = Files.createTempFile("warden-flood", ".log");
        Process process = startWarden(port, managementPort, output);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<Socket> flood = new ArrayList<>();
        try {
            awaitHealthy(http, port, process, output);
            assertTrue(Files.readString(output).contains("(at most 512 connections)"),
                    "half of the 1,024 open files, said in the first line: " + Files.readString(output));
            ApiClient api = new ApiClient("http://127.0.0.1:" + port, null);
            String token = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD).token();

            for (int i = 0; i < FLOOD; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                    flood.add(socket);
                } catch (IOException full) {
                    socket.close(); // the backlog is full too: the flood is as big as it gets
                }
            }
            assertTrue(flood.size() > OPEN_FILES, "the flood holds more connections than the process has files: "
                    + flood.size());
            // Meanwhile the process keeps its database and its management port.
            assertEquals(200, status(http, "http://127.0.0.1:" + managementPort + "/observe/health"));

            closeAll(flood);
            Eventually.await("the public port serving again", Duration.ofSeconds(30),
                    () -> status(http, "http://127.0.0.1:" + port + "/observe/health"), status -> status == 200);
            assertEquals(200, api.get("/api/auth/session", token).status());
            String log = Files.readString(output);
            assertTrue(!log.contains("Too many open files"), log);
            assertTrue(!log.contains("this server socket is terminating"), log);
        } finally {
            closeAll(flood);
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
        }
    }

    /** The production jar under {@code ulimit -n 1024}, with its default connection cap. */
    private static Process startWarden(int port, int managementPort, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "ulimit -n " + OPEN_FILES + " && exec \"$0\" -jar \"$1\"", java, JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("WARDEN_"));
        builder.environment().putAll(Map.of(
                "WARDEN_HTTP_PORT", String.valueOf(port), "WARDEN_MANAGEMENT_PORT", String.valueOf(managementPort),
                "WARDEN_DB_URL", TestPostgres.url(), "WARDEN_DB_USER", TestPostgres.user(),
                "WARDEN_DB_PASSWORD", TestPostgres.password(),
                "WARDEN_KAFKA_BOOTSTRAP", SharedKafka.bootstrapServers(),
                "WARDEN_OWNER_PASSWORD", RunningWarden.OWNER_PASSWORD));
        return builder.start();
    }

    private static void awaitHealthy(HttpClient http, int port, Process process, Path output) throws IOException {
        Eventually.await("the health endpoint", Duration.ofSeconds(60),
                () -> status(http, "http://127.0.0.1:" + port + "/observe/health"),
                status -> status == 200 || !process.isAlive());
        assertTrue(process.isAlive(), Files.readString(output));
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all we want
            }
        }
        sockets.clear();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

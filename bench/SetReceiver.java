import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A push receiver for bench/ssf-push.sh: answers every SET 202 and writes, per session-revoked SET,
 * the session id and the arrival time (epoch microseconds). Exits once EXPECTED have arrived or
 * after TIMEOUT_SECONDS, printing the CPU time it used meanwhile ("receiver cpu_ms N"). Args: PORT
 * OUT_FILE EXPECTED TIMEOUT_SECONDS. No signature check: the tests do that (SsfTestReceiver); this
 * measures time only.
 */
public class SetReceiver {
    private static final Pattern SESSION_ID = Pattern.compile("\"session\"\\s*:\\s*\\{[^}]*\"id\"\\s*:\\s*\"([^\"]+)\"");

    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(0L);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        int expected = Integer.parseInt(args[2]);
        long timeoutSeconds = Long.parseLong(args[3]);
        CountDownLatch all = new CountDownLatch(expected);
        try (PrintWriter lines = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/events", exchange -> {
                Instant now = Instant.now();
                String set = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
                String[] parts = set.split("\\.");
                if (parts.length == 3) {
                    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
                    Matcher m = SESSION_ID.matcher(claims);
                    if (claims.contains("session-revoked") && m.find()) {
                        synchronized (lines) {
                            lines.println(m.group(1) + " " + (now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000));
                        }
                        all.countDown();
                    }
                }
            });
            server.start();
            long cpuAtStart = cpuMillis();
            System.out.println("receiver listening on " + port);
            boolean done = all.await(timeoutSeconds, TimeUnit.SECONDS);
            long cpuUsed = cpuMillis() - cpuAtStart;
            server.stop(0);
            System.out.println(done ? "received all " + expected : "timed out with " + all.getCount() + " missing");
            System.out.println("receiver cpu_ms " + cpuUsed);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

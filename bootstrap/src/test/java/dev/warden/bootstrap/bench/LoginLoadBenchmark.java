package dev.warden.bootstrap.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logins per second and their latency: CONCURRENCY threads, each logging in again as soon as its
 * last login answered (a closed loop, like wrk's connections), for WARMUP then DURATION seconds;
 * only logins that start after the warm-up count. Used by {@code bench/side-by-side.sh} for Warden
 * and for the Spring Session JDBC peer alike.
 *
 * <pre>{@code
 * LoginLoadBenchmark URL BODY CONCURRENCY DURATION_S WARMUP_S [LOGOUT_URL]
 * }</pre>
 * With LOGOUT_URL, each login's session is ended right after (POST with the session cookie the
 * login set), untimed: the peer refuses an 11th session of its one user. Prints
 * {@code RESULT logins=.. rps=.. p50_ms=.. p99_ms=.. max_ms=.. errors=..}.
 */
public final class LoginLoadBenchmark {
    private LoginLoadBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        URI login = URI.create(args[0]);
        String body = args[1];
        int concurrency = Integer.parseInt(args[2]);
        long durationNanos = Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        long warmupNanos = Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        URI logout = args.length > 5 ? URI.create(args[5]) : null;

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + durationNanos;
        long[][] latencies = new long[concurrency][100_000];
        int[] counts = new int[concurrency];
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int worker = t;
            threads.add(Thread.ofPlatform().name("login-" + t).start(() -> {
                long[] mine = latencies[worker];
                int n = 0;
                while (true) {
                    long sent = System.nanoTime();
                    if (sent >= end) {
                        break;
                    }
                    HttpResponse<String> response = send(client, HttpRequest.newBuilder(login)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                    long took = System.nanoTime() - sent;
                    boolean ok = response != null && response.statusCode() == 201;
                    if (sent >= measureFrom) {
                        if (ok && n < mine.length) {
                            mine[n++] = took;
                        } else if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                    if (ok && logout != null) {
                        endSession(client, logout, response);
                    }
                }
                counts[worker] = n;
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = java.util.stream.IntStream.range(0, concurrency)
                .mapToObj(t -> Arrays.stream(latencies[t], 0, counts[t]))
                .flatMapToLong(s -> s).sorted().toArray();
        double seconds = durationNanos / 1e9;
        System.out.printf("RESULT logins=%d rps=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d%n",
                all.length, all.length / seconds, ms(percentile(all, 50)), ms(percentile(all, 99)),
                ms(all.length == 0 ? 0 : all[all.length - 1]), errors.get());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** POSTs to the logout URL with the cookies the login set (name=value only). */
    private static void endSession(HttpClient client, URI logout, HttpResponse<String> loggedIn) {
        List<String> cookies = loggedIn.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .toList();
        if (cookies.isEmpty()) {
            return;
        }
        send(client, HttpRequest.newBuilder(logout).header("Cookie", String.join("; ", cookies))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}

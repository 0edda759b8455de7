package dev.warden.bootstrap.bench;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Two bare Helidon servers, same version and same way of answering as Warden's JSON responses
 * ({@code res.send(bytes)} with content type and no-store), one with the default socket options
 * (TCP_NODELAY off) and one with TCP_NODELAY on. {@code GET /json?size=N} answers N bytes of JSON.
 * {@code bench/tcp-nodelay.sh} drives both with wrk over keep-alive connections, to show whether a
 * response's size, rather than its work, sets its latency. Prints {@code PORTS default nodelay},
 * then serves until stdin closes or 10 minutes pass.
 */
public final class TcpNoDelayBenchmark {
    private TcpNoDelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        WebServer plain = server(false);
        WebServer noDelay = server(true);
        System.out.println("PORTS " + plain.port() + " " + noDelay.port());
        System.out.flush();
        Thread waiter = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the script closes stdin to stop us
                }
            } catch (java.io.IOException ignored) {
                // stdin gone: stop as well
            }
        });
        waiter.join(Duration.ofMinutes(10));
        plain.stop();
        noDelay.stop();
        System.exit(0);
    }

    private static WebServer server(boolean tcpNoDelay) {
        return WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .shutdownHook(false)
                .connectionOptions(options -> options.tcpNoDelay(tcpNoDelay))
                .routing(routing -> routing.get("/json", (req, res) -> {
                    int size = req.query().first("size").map(Integer::parseInt).orElse(1000);
                    res.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
                    res.headers().set(HeaderNames.CONTENT_TYPE, "application/json");
                    res.send(json(size));
                }))
                .build()
                .start();
    }

    private static byte[] json(int size) {
        StringBuilder body = new StringBuilder(size).append("{\"items\":[");
        while (body.length() < size - 20) {
            body.append("{\"k\":\"0123456789abcdef\"},");
        }
        body.setLength(body.length() - 1);
        body.append("]}");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}

package dev.warden.bootstrap.e2e;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An RFC 8935 push receiver for the end-to-end tests (a JDK HTTP server on a random local port):
 * it keeps every push as it came (headers and SET), answers 202, or 503 / 400 while told to, and
 * notes when two pushes were in flight at once.
 */
final class PushReceiver implements AutoCloseable {
    /** One push as received, and what the receiver answered. */
    record Push(String jti, String set, String contentType, String accept, String authorization, int answered) {
    }

    private final HttpServer server;
    private final List<Push> pushes = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile int answer = 202;
    private volatile int rejectNext;
    private volatile boolean overlapped;

    PushReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/events", this::receive);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    /** From now on every push is answered with {@code status} (202 accepts, 503 refuses for now). */
    void answer(int status) {
        this.answer = status;
    }

    /** The next {@code count} pushes are rejected with an RFC 8935 {@code invalid_key} error. */
    void rejectNext(int count) {
        this.rejectNext = count;
    }

    synchronized List<Push> pushes() {
        return List.copyOf(pushes);
    }

    /** The jtis of the pushes answered 202, in the order they came. */
    synchronized List<String> accepted() {
        return pushes.stream().filter(p -> p.answered() == 202).map(Push::jti).toList();
    }

    /** Whether two pushes were ever being received at the same time. */
    boolean overlapped() {
        return overlapped;
    }

    private void receive(HttpExchange exchange) throws IOException {
        if (inFlight.incrementAndGet() > 1) {
            overlapped = true;
        }
        boolean answering = false;
        try {
            String set = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            String jti;
            try {
                jti = SignedJWT.parse(set).getJWTClaimsSet().getJWTID();
            } catch (ParseException e) {
                jti = "unparseable";
            }
            Thread.sleep(20); // a receiver takes a moment: gives a second pusher the chance to overlap
            int status;
            String body = "";
            synchronized (this) {
                if (rejectNext > 0) {
                    rejectNext--;
                    status = 400;
                    body = "{\"err\":\"invalid_key\",\"description\":\"unknown key\"}";
                } else {
                    status = answer;
                }
                pushes.add(new Push(jti, set, exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Accept"),
                        exchange.getRequestHeaders().getFirst("Authorization"), status));
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            // The push is over once answered: a pusher may send the next one as soon as the answer
            // leaves, before this thread gets on, so it no longer counts as in flight.
            answering = true;
            inFlight.decrementAndGet();
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!answering) {
                inFlight.decrementAndGet();
            }
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

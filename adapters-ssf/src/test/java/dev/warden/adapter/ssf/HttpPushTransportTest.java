package dev.warden.adapter.ssf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warden.application.port.out.SetPushTransport.Delivered;
import dev.warden.application.port.out.SetPushTransport.Failed;
import dev.warden.application.port.out.SetPushTransport.Outcome;
import dev.warden.application.port.out.SetPushTransport.Rejected;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push transport against a local receiver: what is sent, and what each answer becomes. */
class HttpPushTransportTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private HttpServer receiver;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Handler> answer =
            new AtomicReference<>(exchange -> reply(exchange, 202, Map.of(), ""));
    private final HttpPushTransport transport = new HttpPushTransport(Duration.ofSeconds(2), Duration.ofMillis(700),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(Map.of("method", exchange.getRequestMethod(), "path", exchange.getRequestURI().getPath(),
                    "contentType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    "accept", String.valueOf(exchange.getRequestHeaders().getFirst("Accept")),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            answer.get().handle(exchange);
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private URI endpoint(String path) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path);
    }

    private static void reply(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void aSetIsPostedAsSeceventJwtWithTheStreamsAuthorization_and202IsDelivered() {
        Outcome outcome = transport.push(endpoint("/events"), "Bearer receiver-secret", "eyJ.a.b");

        assertInstanceOf(Delivered.class, outcome);
        Map<String, String> request = received.getFirst();
        assertEquals("POST", request.get("method"));
        assertEquals("/events", request.get("path"));
        assertEquals("application/secevent+jwt", request.get("contentType"));
        assertEquals("application/json", request.get("accept"));
        assertEquals("Bearer receiver-secret", request.get("authorization"));
        assertEquals("eyJ.a.b", request.get("body"));
    }

    @Test
    void noAuthorizationHeaderIsSentWhenTheStreamHasNone() {
        transport.push(endpoint("/events"), null, "eyJ.a.b");

        assertEquals("null", received.getFirst().get("authorization"));
    }

    @Test
    void a400WithAnRfc8935ErrorIsARejection() {
        answer.set(exchange -> reply(exchange, 400, Map.of("Content-Type", "application/json"),
                "{\"err\":\"invalid_key\",\"description\":\"Key ID is not valid\"}"));

        assertEquals(new Rejected("invalid_key", "Key ID is not valid"),
                transport.push(endpoint("/events"), null, "eyJ.a.b"));
    }

    @Test
    void a400WithoutAnErrorCodeAndOtherStatusesAreFailuresToRetry() {
        answer.set(exchange -> reply(exchange, 400, Map.of(), "<html>bad</html>"));
        assertInstanceOf(Failed.class, transport.push(endpoint("/events"), null, "eyJ.a.b"));

        answer.set(exchange -> reply(exchange, 503, Map.of(), ""));
        assertEquals(new Failed("receiver answered 503", Optional.empty()),
                transport.push(endpoint("/events"), null, "eyJ.a.b"));

        answer.set(exchange -> reply(exchange, 200, Map.of(), "")); // RFC 8935 says 202
        assertInstanceOf(Failed.class, transport.push(endpoint("/events"), null, "eyJ.a.b"));
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADate() {
        answer.set(exchange -> reply(exchange, 429, Map.of("Retry-After", "120"), ""));
        assertEquals(Optional.of(Duration.ofSeconds(120)),
                ((Failed) transport.push(endpoint("/events"), null, "s")).retryAfter());

        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC));
        answer.set(exchange -> reply(exchange, 503, Map.of("Retry-After", date), ""));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                ((Failed) transport.push(endpoint("/events"), null, "s")).retryAfter());
    }

    @Test
    void aRedirectIsNotFollowed_soTheAuthorizationNeverLeavesTheRegisteredEndpoint() {
        answer.set(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/events")) {
                reply(exchange, 307, Map.of("Location", "http://localhost:" + receiver.getAddress().getPort()
                        + "/elsewhere"), "");
            } else {
                reply(exchange, 202, Map.of(), "");
            }
        });

        Failed failed = assertInstanceOf(Failed.class, transport.push(endpoint("/events"), "Bearer s", "eyJ.a.b"));

        assertTrue(failed.reason().contains("307"), failed.reason());
        assertEquals(1, received.size());
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAFailure() {
        answer.set(exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 202, Map.of(), "");
        });
        long started = System.nanoTime();

        Outcome outcome = transport.push(endpoint("/events"), null, "eyJ.a.b");

        assertInstanceOf(Failed.class, outcome);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(2500)) < 0);
    }

    @Test
    void pushesOneAfterAnotherShareOneKeptAliveConnection_withoutAnH2cUpgradeOverHttp() {
        List<Integer> ports = new CopyOnWriteArrayList<>();
        List<String> upgrades = new CopyOnWriteArrayList<>();
        answer.set(exchange -> {
            ports.add(exchange.getRemoteAddress().getPort());
            upgrades.add(String.valueOf(exchange.getRequestHeaders().getFirst("Upgrade")));
            reply(exchange, 202, Map.of(), "");
        });

        for (int i = 0; i < 50; i++) {
            assertInstanceOf(Delivered.class, transport.push(endpoint("/events"), "Bearer s", "eyJ.a." + i));
        }

        assertEquals(1, ports.stream().distinct().count(), "connections opened: " + ports.stream().distinct().count());
        assertEquals(List.of("null"), upgrades.stream().distinct().toList());
    }

    @Test
    void a202WhoseBodyDoesNotEndInTimeWasDeliveredAllTheSame() {
        answer.set(exchange -> {
            exchange.sendResponseHeaders(202, 0); // chunked: a body that never ends in time
            exchange.getResponseBody().write("{\"accepted\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        long started = System.nanoTime();

        Outcome outcome = transport.push(endpoint("/events"), null, "eyJ.a.b");

        assertInstanceOf(Delivered.class, outcome);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(3500)) < 0);
    }

    @Test
    void aRefusedConnectionIsAFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Failed failed = assertInstanceOf(Failed.class,
                transport.push(URI.create("http://127.0.0.1:" + closedPort + "/events"), "Bearer s", "eyJ.a.b"));

        assertEquals("connection refused", failed.reason());
    }
}

package dev.warden.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.application.port.in.UseCaseCatalogue;
import dev.warden.domain.WardenPolicy;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A real WebServer on a free port with the production wiring, and a plain JDK HTTP client. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final WebServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServer(WebServer server) {
        this.server = server;
    }

    static HttpSettings settings(List<Cidr> trustedProxies) {
        return new HttpSettings(true, trustedProxies, WardenPolicy.DEFAULTS);
    }

    static TestServer start(UseCaseCatalogue useCases, HttpSettings settings) {
        return new TestServer(WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> WardenHttp.routing(routing, useCases, settings))
                .directHandlers(WardenHttp.directHandlers())
                // As in production (WardenHttp.configure): no feature from the classpath. A discovered
                // ObserveFeature would start Helidon's global metrics registry, whose camelCase JVM meters
                // every registry in this JVM then serves (ManagementPortTest checks the names).
                .featuresDiscoverServices(false)
                .build()
                .start());
    }

    /** Only these routes, with the production error handling: for a building block the real routes will use. */
    static TestServer startWith(ApiRoutes routes) {
        return new TestServer(WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> {
                    ProblemHandlers.register(routing);
                    routing.register(routes);
                })
                .featuresDiscoverServices(false)
                .build()
                .start());
    }

    static TestServer startWithFeatures(UseCaseCatalogue useCases, HttpSettings settings, BooleanSupplier databaseUp) {
        return new TestServer(WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .update(builder -> WardenHttp.configure(builder, useCases, settings, databaseUp))
                .build()
                .start());
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Reply post(String path, String jsonBody, String... headers) {
        return send("POST", path, jsonBody, headers);
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Sends a request; a non-null body goes out as application/json unless a Content-Type header is given. */
    Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
        boolean contentTypeGiven = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            contentTypeGiven |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !contentTypeGiven) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(request.build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a GET exactly as written, for request targets the JDK client refuses (broken escapes).
     *
     * @return the status code and the rest of the response as text
     */
    Reply rawGet(String target, String... headers) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            while (!head.toString(java.nio.charset.StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String headText = head.toString(java.nio.charset.StandardCharsets.US_ASCII);
            int length = 0;
            for (String line : headText.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            String body = new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(headText.substring(9, 12));
            return new Reply(status, HttpHeaders.of(java.util.Map.of(), (a, b) -> true), headText + body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** The names of a JSON object's fields, in order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A Set-Cookie value's attributes (what follows name=value), trimmed and lower-cased. */
    static List<String> cookieAttributes(String setCookie) {
        return Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.strip().toLowerCase()).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The problem slug, after checking that this is a well-formed problem response. */
        String problem() {
            if (!contentType().startsWith("application/problem+json")) {
                throw new AssertionError("not a problem response (" + status + ", " + contentType() + "): " + body);
            }
            JsonNode json = json();
            if (json.get("status").asInt() != status || !json.get("title").isTextual() || !json.get("detail").isTextual()) {
                throw new AssertionError("malformed problem: " + body);
            }
            String type = json.get("type").asText();
            if (!type.startsWith(ProblemType.TYPE_PREFIX)) {
                throw new AssertionError("problem type outside " + ProblemType.TYPE_PREFIX + ": " + type);
            }
            return type.substring(ProblemType.TYPE_PREFIX.length());
        }

        String detail() {
            return json().get("detail").asText();
        }

        /** The Set-Cookie value of the cookie {@code name}, with or without the {@code __Host-} prefix. */
        String setCookie(String name) {
            return headers.allValues("Set-Cookie").stream()
                    .filter(value -> value.startsWith("__Host-" + name + "=") || value.startsWith(name + "="))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + headers.map()));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

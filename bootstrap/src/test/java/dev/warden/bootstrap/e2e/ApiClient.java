package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small JSON client for the REST API, as another service or a script would use it. */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;

    ApiClient(String baseUrl, InetAddress localAddress) {
        this.baseUrl = baseUrl;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1);
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        this.http = builder.build();
    }

    /** One answer: status, headers and body. */
    record Response(int status, String body, Map<String, List<String>> headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String problemType() {
            String type = json().path("type").asText();
            return type.substring(type.lastIndexOf('/') + 1);
        }

        String token() {
            assertEquals(201, status, body);
            return json().path("token").asText();
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    Response login(String username, String password) {
        return login(username, password, Map.of());
    }

    Response login(String username, String password, Map<String, String> headers) {
        String body = JSON.createObjectNode().put("username", username).put("password", password).toString();
        return send("POST", "/api/auth/login", null, body, headers);
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    Response post(String path, String token, String json) {
        return send("POST", path, token, json, Map.of());
    }

    Response send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every item of a paged admin list, following offsets. */
    List<JsonNode> all(String path, String token) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int offset = 0; ; offset += 500) {
            Response page = get(path + separator + "limit=500&offset=" + offset, token);
            assertEquals(200, page.status(), page.body());
            page.json().path("items").forEach(items::add);
            if (items.size() >= page.json().path("total").asLong()) {
                return items;
            }
        }
    }
}

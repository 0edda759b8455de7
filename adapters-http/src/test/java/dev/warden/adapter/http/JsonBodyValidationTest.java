package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonBodyValidationTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed            | {\"username\":\"alice\",                                   | not valid JSON",
            "trailing garbage     | {\"username\":\"alice\",\"password\":\"pw\"} x             | not valid JSON",
            "duplicate key        | {\"username\":\"alice\",\"username\":\"bob\",\"password\":\"p\"} | not valid JSON",
            "comment              | {/*x*/\"username\":\"alice\",\"password\":\"pw\"}          | not valid JSON",
            "array                | [\"alice\",\"pw\"]                                          | JSON object",
            "string               | \"alice\"                                                   | JSON object",
            "null                 | null                                                        | JSON object",
            "missing username     | {\"password\":\"pw\"}                                       | 'username' is required",
            "null username        | {\"username\":null,\"password\":\"pw\"}                     | 'username' is required",
            "number username      | {\"username\":42,\"password\":\"pw\"}                       | 'username' must be a string",
            "object password      | {\"username\":\"alice\",\"password\":{\"a\":1}}             | 'password' must be a string",
            "boolean password     | {\"username\":\"alice\",\"password\":true}                  | 'password' must be a string",
            "extra field          | {\"username\":\"alice\",\"password\":\"pw\",\"admin\":true} | Unknown field(s) [admin]"})
    void givenBadJson_whenLoggingIn_thenInvalidRequestNamingTheProblem(String name, String body, String expectedDetail) {
        var reply = server.post("/api/auth/login", body.strip());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
        assertTrue(reply.detail().contains(expectedDetail), reply.detail());
        assertNull(WARDEN.lastLoginClient, "the use case must not be called");
    }

    @Test
    void givenMalformedJsonWithPassword_whenLoggingIn_thenDetailDoesNotEchoIt() {
        var reply = server.post("/api/auth/login", "{\"username\":\"alice\",\"password\":hunter2-secret}");

        assertEquals(400, reply.status());
        assertFalse(reply.body().contains("hunter2"), reply.body());
    }

    @Test
    void givenEmptyBody_whenLoggingIn_thenInvalidRequest() {
        var reply = server.post("/api/auth/login", "");

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
    }

    @Test
    void givenWrongContentType_whenLoggingIn_thenInvalidRequest() {
        String body = "{\"username\":\"alice\",\"password\":\"" + FakeWarden.PASSWORD + "\"}";

        var form = server.post("/api/auth/login", "username=alice&password=x",
                "Content-Type", "application/x-www-form-urlencoded");
        var text = server.post("/api/auth/login", body, "Content-Type", "text/plain");
        var withCharset = server.post("/api/auth/login", body, "Content-Type", "application/json; charset=utf-8");

        assertEquals(400, form.status());
        assertEquals("invalid-request", form.problem());
        assertTrue(form.detail().contains("application/json"), form.detail());
        assertEquals(400, text.status());
        assertEquals(201, withCharset.status(), withCharset.body());
    }

    @Test
    void givenBodyJustUnder16KiB_whenLoggingIn_thenItIsRead() {
        String body = paddedLogin(JsonBody.MAX_BYTES);

        var reply = server.post("/api/auth/login", body);

        assertEquals(16 * 1024, body.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(401, reply.status(), "read and parsed, then refused as credentials");
    }

    @Test
    void givenBodyOver16KiB_whenLoggingIn_thenInvalidRequest() {
        var reply = server.post("/api/auth/login", paddedLogin(JsonBody.MAX_BYTES + 1));

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
        assertTrue(reply.detail().contains("16 KiB"), reply.detail());
        assertNull(WARDEN.lastLoginClient);
    }

    @Test
    void givenChunkedBodyOver16KiBWithoutLength_whenLoggingIn_thenInvalidRequest() {
        byte[] body = paddedLogin(64 * 1024).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        var reply = server.send(request);

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
    }

    @Test
    void givenNumberForRole_whenCreatingUser_thenInvalidRequest() {
        var reply = server.post("/api/admin/users", "{\"username\":\"carol\",\"password\":\"long password!\",\"role\":1}",
                "Authorization", "Bearer " + WARDEN.adminToken.reveal());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
        assertTrue(reply.detail().contains("'role'"), reply.detail());
        assertTrue(WARDEN.calls.isEmpty());
    }

    /** A login body of exactly {@code size} bytes: a wrong password padded with spaces. */
    private static String paddedLogin(int size) {
        String start = "{\"username\":\"alice\",\"password\":\"wrong\"";
        return start + " ".repeat(size - start.length() - 1) + "}";
    }
}

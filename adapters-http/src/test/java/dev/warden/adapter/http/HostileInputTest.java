package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.in.PageRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input at the HTTP boundary: each is a 400 {@code invalid-request} naming the field or
 * parameter, the use case is never called, and the value is never echoed.
 */
class HostileInputTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN).withServerFeatures(() -> true);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\u001f", "\\u007f", "\\u0085", "\\u009f", "\\ud800", "\\udfff"})
    void givenAControlCharacterOrLoneSurrogateInTheUsername_whenLoggingIn_thenInvalidRequestNamingIt(String escape) {
        var reply = server.post("/api/auth/login", "{\"username\":\"a" + escape + "b\",\"password\":\"pw\"}");

        assertInvalid(reply, "'username'");
        assertNull(WARDEN.lastLoginClient, "nothing was looked up");
    }

    @Test
    void givenALoneSurrogateInThePassword_whenLoggingIn_thenInvalidRequestRatherThanAHashOfAQuestionMark() {
        var reply = server.post("/api/auth/login", "{\"username\":\"alice\",\"password\":\"long pass\\ud800word\"}");

        assertInvalid(reply, "'password'");
        assertNull(WARDEN.lastLoginClient);
    }

    @Test
    void givenAControlCharacterInANewUsersNameOrRole_thenInvalidRequest() {
        var name = server.post("/api/admin/users",
                "{\"username\":\"ca\\u0000rol\",\"password\":\"long password!\",\"role\":\"USER\"}", admin());
        var role = server.post("/api/admin/users",
                "{\"username\":\"carol\",\"password\":\"long password!\",\"role\":\"USER\\u0000\"}", admin());

        assertInvalid(name, "'username'");
        assertInvalid(role, "'role'");
        assertTrue(WARDEN.calls.isEmpty(), WARDEN.calls.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/admin/sessions?q=a%00b          | q",
            "/api/admin/sessions?ip=10.0.0.1%00   | ip",
            "/api/admin/sessions?cursor=%00       | cursor",
            "/api/admin/sessions?userId=%01       | userId",
            "/api/admin/users?q=%C2%85            | q",
            "/api/admin/audit?type=%1F            | type",
            "/api/admin/audit?userId=%7F          | userId",
            "/api/admin/alarms?status=OPEN%00     | status",
            "/api/admin/sessions?limit=%00        | limit",
            "/api/admin/sessions?offset=1%0A      | offset"})
    void givenAControlCharacterInAQueryParameter_thenInvalidRequestNamingIt(String path, String name) {
        var reply = server.get(path.strip(), admin());

        assertInvalid(reply, "Query parameter '" + name.strip() + "'");
        assertNull(WARDEN.lastQuery);
    }

    @Test
    void givenAnOverlongQueryValue_thenInvalidRequestNamingIt() {
        var reply = server.get("/api/admin/sessions?ip=" + "1".repeat(Params.MAX_VALUE_LENGTH + 1), admin());

        assertInvalid(reply, "'ip'");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "offset, 0000000001", "offset, 01", "offset, 00", "offset, +1", "offset, -1", "offset, 1e3",
            "offset, 0x10", "offset, 1.0", "offset, ' 1'", "offset, '1 '", "offset, %D9%A1", "offset, 1%2C000",
            "limit, 050", "limit, -0", "limit, %EF%BC%95", "limit, 9999999999", "offset, 2147483648",
            "offset, 99999999999999999999999", "limit, 0", "limit, 501"})
    void givenAnOddNumber_thenInvalidRequestNamingTheParameter(String name, String value) {
        var reply = server.get("/api/admin/users?" + name + "=" + value.replace(" ", "%20"), admin());

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
        assertTrue(reply.detail().contains(name), reply.detail());
        assertNull(WARDEN.lastQuery);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"limit=1&offset=0, 1, 0", "limit=500&offset=999999999, 500, 999999999", "limit=&offset=, 50, 0",
            "offset=10, 50, 10"})
    void givenCanonicalNumbers_thenReadAsWritten(String query, int limit, int offset) {
        var reply = server.get("/api/admin/users?" + query, admin());

        assertEquals(200, reply.status(), reply.body());
        assertEquals(limit, reply.json().get("limit").asInt());
        assertEquals(offset, reply.json().get("offset").asInt());
        assertEquals(new PageRequest(limit, offset), ((dev.warden.application.port.in.accounts.UserQuery) WARDEN.lastQuery).page());
    }

    @Test
    void givenAnOverflowingCursor_thenInvalidRequest() {
        String plain = "31556889864403199.0.0b9e7a52-4a3c-4a7e-9a51-6f1f0c2d3e4f";
        String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));

        var reply = server.get("/api/admin/sessions?cursor=" + cursor, admin());

        assertInvalid(reply, "cursor");
        assertNull(WARDEN.lastQuery);
    }

    @ParameterizedTest(name = "chunk size {0}")
    @ValueSource(strings = {"ZZ", "FFFFFFFFFFFFFFFFFFFF", "-5", "1;ext=\"x", "80000000", " ", "7FFFFFFF", "100001"})
    void givenAnInvalidChunkSize_whenLoggingIn_thenBadRequestAndTheConnectionCloses(String chunkSize) {
        String body = "{\"username\":\"alice\",\"password\":\"pw\"}";
        String request = "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + chunkSize + "\r\n" + body + "\r\n0\r\n\r\n";

        String response = exchange(request);

        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.contains("application/problem+json"), response);
        assertTrue(response.toLowerCase().contains("connection: close"), response);
        assertFalse(response.contains("Exception"), response);
        assertNull(WARDEN.lastLoginClient);
    }

    @Test
    void givenAContentLengthPastThePayloadLimit_thenBadRequestWithoutReadingIt() {
        String request = "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (WardenHttp.MAX_PAYLOAD_BYTES + 1) + "\r\n\r\n{";

        String response = exchange(request);

        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.contains("invalid-request"), response);
    }

    @Test
    void givenHttp10_thenBadRequestRatherThanAServerError() {
        String response = exchange("GET /api/auth/session HTTP/1.0\r\n\r\n");

        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.contains("invalid-request"), response);
    }

    @Test
    void givenAGzipBodyThatIsNotGzip_whenLoggingIn_thenClientErrorNeverServerError() {
        String body = "{\"username\":\"alice\",\"password\":\"pw\"}";
        String request = "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Encoding: gzip\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;

        String response = exchange(request);

        assertTrue(response.startsWith("HTTP/1.1 4"), response);
        assertTrue(response.contains("application/problem+json"), response);
    }

    private static void assertInvalid(TestServer.Reply reply, String named) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
        assertTrue(reply.detail().contains(named), reply.detail());
        assertFalse(reply.body().contains("\\u0000"), reply.body());
    }

    /** Writes the request as is and reads until the server closes the connection (or 10 s pass). */
    private static String exchange(String request) {
        try (Socket socket = new Socket("127.0.0.1", server.uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int read;
            while ((read = in.read(buffer)) != -1) {
                response.write(buffer, 0, read);
            }
            return response.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] admin() {
        return new String[] {"Authorization", "Bearer " + WARDEN.adminToken.reveal()};
    }
}

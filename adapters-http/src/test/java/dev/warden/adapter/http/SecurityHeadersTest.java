package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/security.md: the headers on every kind of response, and a console that runs under its CSP. */
class SecurityHeadersTest {
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";
    private static final FakeWarden WARDEN = new FakeWarden();
    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN).withServerFeatures(() -> true);
    @RegisterExtension
    static final ApiServer fixture = ApiServer.over(WARDEN).withConsoleFrom("console-fixture");

    @Test
    void givenApiSuccessProblemsAndErrors_thenNosniffAndNoStore() {
        var ok = server.get("/api/auth/session", admin());
        var unauthenticated = server.get("/api/auth/session");
        var badJson = server.post("/api/auth/login", "{");
        var unknown = server.get("/api/nope");
        var wrongMethod = server.send("PUT", "/api/admin/users", "{}", admin());
        WARDEN.failNextWith(new IllegalStateException("boom"));
        var failure = server.get("/api/admin/users", admin());
        var noContent = server.post("/api/auth/logout", null, admin()); // last: it ends the admin's session

        for (var reply : List.of(ok, unauthenticated, badJson, unknown, wrongMethod, failure, noContent)) {
            assertApiHeaders(reply);
        }
        assertEquals(List.of(200, 401, 400, 404, 405, 500, 204), Stream.of(ok, unauthenticated, badJson, unknown,
                wrongMethod, failure, noContent).map(TestServer.Reply::status).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/app.js", "/style.css", "/favicon.svg", "/pages/sessions.js"})
    void givenTheConsoleAndItsFiles_thenCspReferrerPolicyAndNosniff(String path) {
        var reply = server.get(path);

        assertEquals(200, reply.status(), path);
        assertConsoleHeaders(reply);
    }

    @Test
    void givenAMissingConsoleFile_thenTheNotFoundCarriesTheHeadersToo() {
        var reply = server.get("/nope.js");

        assertEquals(404, reply.status());
        assertConsoleHeaders(reply);
    }

    @Test
    void givenARevalidatedFile_thenTheNotModifiedCarriesTheHeadersToo() {
        String etag = fixture.get("/app.js").headers().firstValue("ETag").orElseThrow();

        var reply = fixture.get("/app.js", "If-None-Match", etag);

        assertEquals(304, reply.status());
        assertConsoleHeaders(reply);
    }

    @Test
    void givenHealthMetricsAndOpenApi_thenNosniff() {
        var health = server.get("/observe/health");
        var metrics = server.get("/observe/metrics", "Accept", "text/plain"); // a 404 on the public port
        var openapi = server.get("/openapi", "Accept", "application/yaml");

        assertApiHeaders(health);
        assertEquals("nosniff", metrics.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("nosniff", openapi.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void givenARequestHelidonRejectsBeforeRouting_thenTheDirectHandlerAnswerCarriesTheHeaders() {
        // Not a number: Helidon answers from its direct handler, before any filter runs.
        var reply = server.rawGet("/api/auth/session", "Content-Length", "abc");

        assertEquals(400, reply.status(), reply.body());
        String head = reply.body().toLowerCase(Locale.ROOT);
        assertTrue(head.contains("x-content-type-options: nosniff"), reply.body());
        assertTrue(head.contains("cache-control: no-store"), reply.body());
        assertTrue(head.contains("content-security-policy: " + CSP.toLowerCase(Locale.ROOT)), reply.body());
        assertTrue(head.contains("application/problem+json"), reply.body());
    }

    @Test
    void givenTheRealConsole_thenNothingInlineThatItsCspWouldBlock() throws IOException, URISyntaxException {
        URL index = SecurityHeadersTest.class.getResource("/web/index.html");
        assertNotNull(index);
        Path web = Path.of(index.toURI()).getParent();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(web)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        Pattern scriptTag = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String name = web.relativize(file).toString();
            if (name.endsWith(".html")) {
                Matcher scripts = scriptTag.matcher(text);
                while (scripts.find()) {
                    assertTrue(scripts.group(1).contains("src="), name + ": inline <script> is blocked by the CSP");
                }
                assertFalse(Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE).matcher(text).find(),
                        name + ": inline <style> is blocked by the CSP");
                assertFalse(Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE).matcher(text).find(),
                        name + ": style attributes are blocked by the CSP");
                assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(text).find(),
                        name + ": inline event handlers are blocked by the CSP");
                assertFalse(Pattern.compile("(href|src)\\s*=\\s*\"(data:|https?:|//|javascript:)",
                        Pattern.CASE_INSENSITIVE).matcher(text).find(), name + ": only same-origin files load");
            }
            if (name.endsWith(".js")) {
                assertFalse(Pattern.compile("\\beval\\(|new Function\\(|\\.(inner|outer)HTML\\s*=|insertAdjacentHTML"
                        + "|setAttribute\\(\\s*['\"]style|javascript:").matcher(text).find(),
                        name + " uses code the CSP blocks, or markup injection we avoid");
            }
            if (name.endsWith(".css")) {
                assertFalse(Pattern.compile("url\\(\\s*['\"]?(data:|https?:|//)").matcher(text).find(),
                        name + ": only same-origin files load");
            }
        }
        assertTrue(files.size() > 5, "the console's files were found: " + files);
    }

    private static void assertApiHeaders(TestServer.Reply reply) {
        assertEquals("nosniff", reply.headers().firstValue("X-Content-Type-Options").orElse(null), reply.toString());
        assertEquals(List.of("no-store"), reply.headers().allValues("Cache-Control"), reply.toString());
        assertEquals(CSP, reply.headers().firstValue("Content-Security-Policy").orElse(null), reply.toString());
    }

    private static void assertConsoleHeaders(TestServer.Reply reply) {
        assertEquals("nosniff", reply.headers().firstValue("X-Content-Type-Options").orElse(null), reply.toString());
        assertEquals(CSP, reply.headers().firstValue("Content-Security-Policy").orElse(null), reply.toString());
        assertEquals("no-referrer", reply.headers().firstValue("Referrer-Policy").orElse(null), reply.toString());
    }

    private static String[] admin() {
        return new String[] {"Authorization", "Bearer " + WARDEN.adminToken.reveal()};
    }
}

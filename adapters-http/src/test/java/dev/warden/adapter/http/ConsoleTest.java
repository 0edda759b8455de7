package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console route, checked with a tiny fixture folder (the real console is written elsewhere),
 * plus the one fact about the real console this module relies on: its index.html is served at /.
 */
class ConsoleTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    @RegisterExtension
    static final ApiServer fixture = ApiServer.over(WARDEN).withConsoleFrom("console-fixture");
    @RegisterExtension
    static final ApiServer real = ApiServer.over(WARDEN);

    @Test
    void whenOpeningRoot_thenIndexHtmlIsTheWelcomeFile() {
        var reply = fixture.get("/");

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("text/html"), reply.contentType());
        assertTrue(reply.body().contains("fixture console"), reply.body());
    }

    @Test
    void whenLoadingAModule_thenServedAsJavaScript() {
        var reply = fixture.get("/app.js");

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("text/javascript"), reply.contentType());
    }

    @Test
    void givenACachedFile_whenTheBrowserRevalidates_thenNotModifiedRatherThanAnError() {
        var first = fixture.get("/app.js");
        String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(first.headers().map()));

        var again = fixture.get("/app.js", "If-None-Match", etag);

        assertEquals(304, again.status(), again.body());
        assertEquals("", again.body());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Range               | bytes=99999999999999999999-",
            "Range               | bytes=-99999",
            "Range               | bytes=0-9223372036854775807",
            "Range               | bytes=0-99999999",
            "Range               | items=1-2",
            "If-Modified-Since   | yesterday",
            "If-Modified-Since   | Mon, 30 Nov 99999 05:31:37 GMT",
            "If-Unmodified-Since | ''",
            "If-None-Match       | W/\"",
            "If-None-Match       | \"",
            "If-Match            | garbage"})
    void givenAMalformedOrOddConditionalHeader_thenTheWholeFileRatherThanAnError(String header, String value) {
        var reply = real.rawGet("/app.js", header, value);

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.body().contains("import "), "the whole file: " + reply.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/app.js%00.html", "/pages", "/pages/",
            "/.hidden.js", "/app.exe", "/a//b.js", "/META-INF/openapi.yaml"})
    void givenAPathOutsideTheConsoleFiles_thenNotFound(String path) {
        var reply = real.rawGet(path);

        assertTrue(reply.status() == 404 || reply.status() == 400, reply.body());
        assertTrue(reply.body().contains("application/problem+json"), reply.body());
    }

    @Test
    void givenHead_thenTheHeadersOfTheFileWithoutItsBody() {
        var get = real.get("/");
        var head = real.send("HEAD", "/", null);

        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertEquals(String.valueOf(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                head.headers().firstValue("Content-Length").orElse(""));
        assertEquals(get.headers().firstValue("ETag"), head.headers().firstValue("ETag"));
    }

    @Test
    void givenAFileInASubfolder_thenServed() {
        var reply = real.get("/pages/sessions.js");

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("text/javascript"), reply.contentType());
        assertEquals("no-cache", reply.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void givenMissingFile_thenNotFoundAndApiPathsStillProblems() {
        assertEquals(404, fixture.get("/nope.js").status());
        assertEquals("not-found", fixture.get("/api/nope").problem());
    }

    @Test
    void givenRealConsole_whenOpeningRoot_thenItsIndexHtmlIsServed() {
        assertNotNull(ConsoleTest.class.getResource("/web/index.html"), "web/index.html must be on the classpath");

        var reply = real.get("/");

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("text/html"), reply.contentType());
    }
}

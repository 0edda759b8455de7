package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console route, checked with a tiny fixture folder (the real console is written elsewhere),
 * plus the one fact about the real console this module relies on: its index.html is served at /.
 */
class ConsoleTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    private static TestServer fixture;
    private static TestServer real;

    @BeforeAll
    static void start() {
        fixture = TestServer.start(WARDEN.useCases(),
                new HttpSettings(true, List.of(), Duration.ofMinutes(60), "console-fixture"));
        real = TestServer.start(WARDEN.useCases(), TestServer.settings(List.of()));
    }

    @AfterAll
    static void stop() {
        fixture.close();
        real.close();
    }

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

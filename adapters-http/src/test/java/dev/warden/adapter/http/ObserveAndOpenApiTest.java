package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server features of {@link WardenHttp#configure}: health with the database check, metrics, OpenAPI. */
class ObserveAndOpenApiTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    private static final AtomicBoolean DATABASE_UP = new AtomicBoolean(true);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.startWithFeatures(WARDEN.useCases(), TestServer.settings(List.of()), DATABASE_UP::get);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void givenDatabaseUpThenDown_whenCheckingReadiness_thenReadyThenNotReadyNamingDatabase() {
        DATABASE_UP.set(true);
        var up = server.get("/observe/health/ready");
        DATABASE_UP.set(false);
        var down = server.get("/observe/health/ready");
        var overall = server.get("/observe/health");
        DATABASE_UP.set(true);

        assertEquals(200, up.status(), up.body());
        assertTrue(up.body().contains("\"database\""), up.body());
        assertEquals(503, down.status(), down.body());
        assertTrue(down.body().contains("\"database\""), down.body());
        assertTrue(down.body().contains("DOWN"), down.body());
        assertEquals(503, overall.status(), overall.body());
    }

    @Test
    void givenProbeThrows_whenCheckingReadiness_thenNotReady() {
        var check = WardenHttp.databaseCheck(() -> {
            throw new IllegalStateException("jdbc:postgresql://user:secret@host");
        });

        assertEquals(io.helidon.health.HealthCheckResponse.Status.DOWN, check.call().status());
        assertEquals("database", check.name());
        assertEquals(io.helidon.health.HealthCheckType.READINESS, check.type());
    }

    @Test
    void whenAskingForMetrics_thenServed() {
        server.get("/api/auth/session");

        var reply = server.get("/observe/metrics", "Accept", "text/plain");

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.body().contains("# TYPE"), reply.body());
    }

    @Test
    void whenAskingForOpenApi_thenTheDocumentIsServed() {
        var reply = server.get("/openapi", "Accept", "application/yaml");

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.body().contains("/api/admin/sessions/{id}"), reply.body());
        assertTrue(reply.body().contains("Warden REST API"), reply.body());
    }

    @Test
    void givenFeaturesRegistered_whenCallingApi_thenRoutesStillAnswer() {
        var reply = server.get("/api/auth/session", "Authorization", "Bearer " + WARDEN.adminToken.reveal());

        assertEquals(200, reply.status(), reply.body());
    }
}

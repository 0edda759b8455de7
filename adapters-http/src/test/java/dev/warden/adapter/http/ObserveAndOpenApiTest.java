package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server features of {@link WardenHttp#configure}: the public health answer, OpenAPI, and no metrics. */
class ObserveAndOpenApiTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    private static final AtomicBoolean DATABASE_UP = new AtomicBoolean(true);
    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN).withServerFeatures(DATABASE_UP::get);

    @Test
    void givenDatabaseUpThenDown_whenCheckingHealth_thenOnlyUpOrDownWithoutDetails() {
        DATABASE_UP.set(true);
        var up = server.get("/observe/health");
        DATABASE_UP.set(false);
        var down = server.get("/observe/health");
        DATABASE_UP.set(true);

        assertEquals(200, up.status(), up.body());
        assertEquals("{\"status\":\"UP\"}", up.body());
        assertTrue(up.contentType().startsWith("application/json"), up.contentType());
        assertEquals(503, down.status(), down.body());
        assertEquals("{\"status\":\"DOWN\"}", down.body());
    }

    @Test
    void givenHead_whenCheckingHealth_thenTheStatusWithoutABody() {
        var reply = server.send("HEAD", "/observe/health", null);

        assertEquals(200, reply.status());
        assertEquals("", reply.body());
    }

    @Test
    void whenAskingForHealthDetails_thenThePublicPortHasNone() {
        for (String path : List.of("/observe/health/ready", "/observe/health/live", "/observe/health/started",
                "/observe/health/ready/database", "/observe/health?details=true")) {
            var reply = server.get(path);

            assertTrue(reply.status() == 404 || reply.body().equals("{\"status\":\"UP\"}"), path + ": " + reply);
            for (String detail : List.of("diskSpace", "heapMemory", "deadlock", "database", "checks", "freeBytes")) {
                assertFalse(reply.body().contains(detail), path + " shows " + detail + ": " + reply.body());
            }
        }
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
    void whenAskingForMetrics_thenThePublicPortHasNone() {
        server.get("/api/auth/session");

        var reply = server.get("/observe/metrics", "Accept", "text/plain");

        assertEquals(404, reply.status(), reply.body());
        assertFalse(reply.body().contains("# TYPE"), reply.body());
    }

    @Test
    void whenAskingForOpenApi_thenTheDocumentIsServed() {
        var reply = server.get("/openapi", "Accept", "application/yaml");

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.body().contains("/api/admin/sessions/{id}"), reply.body());
        assertTrue(reply.body().contains("Warden REST API"), reply.body());
    }

    @Test
    void whenAskingForOpenApiAsJson_thenTheSameDocumentAsTheYaml() throws Exception {
        // EveryRouteFuzzIT reads the JSON form: Helidon converts the YAML, examples and OpenAPI 3.1 types included.
        var reply = server.get("/openapi", "Accept", "application/json");

        assertEquals(200, reply.status(), reply.body());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var in = ObserveAndOpenApiTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            Object yaml = new org.yaml.snakeyaml.Yaml().load(in);
            assertEquals(mapper.valueToTree(yaml), mapper.readTree(reply.body()));
        }
    }

    @Test
    void givenFeaturesRegistered_whenCallingApi_thenRoutesStillAnswer() {
        var reply = server.get("/api/auth/session", "Authorization", "Bearer " + WARDEN.adminToken.reveal());

        assertEquals(200, reply.status(), reply.body());
    }
}

package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.warden.application.port.out.PasswordHashingSaturated;
import dev.warden.application.port.out.StoreUnavailable;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An unreachable database or saturated password hashing answers 503 with Retry-After, never 500. */
class ServiceUnavailableApiTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    private static final String DRIVER_MESSAGE = "Connection to 10.0.0.5:5432 refused";
    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN);
    @RegisterExtension
    static final ApiServer databaseDown = ApiServer.over(WARDEN).withSessionValidation(token -> {
        throw unreachable();
    });

    private static StoreUnavailable unreachable() {
        return new StoreUnavailable(new SQLException(DRIVER_MESSAGE, "08001"));
    }

    private static String login() {
        return "{\"username\":\"alice\",\"password\":\"" + FakeWarden.PASSWORD + "\"}";
    }

    @Test
    void givenTheDatabaseUnreachable_whenLoggingIn_then503ServiceUnavailableWithRetryAfterAndNoDriverDetail() {
        WARDEN.failNextWith(unreachable());

        var reply = server.post("/api/auth/login", login());

        assertEquals(503, reply.status(), reply.body());
        assertEquals("service-unavailable", reply.problem());
        assertEquals("5", reply.headers().firstValue("Retry-After").orElse(null));
        assertEquals("no-store", reply.headers().firstValue("Cache-Control").orElse(null));
        assertFalse(reply.body().contains("10.0.0.5"), reply.body());
        assertFalse(reply.body().contains("refused"), reply.body());
    }

    @Test
    void givenTheDatabaseUnreachable_whenValidatingASession_then503RatherThanUnauthenticated() {
        var reply = databaseDown.get("/api/auth/session", "Authorization", "Bearer " + WARDEN.adminToken.reveal());

        assertEquals(503, reply.status(), reply.body());
        assertEquals("service-unavailable", reply.problem());
        assertEquals("5", reply.headers().firstValue("Retry-After").orElse(null));
    }

    @Test
    void givenTheDatabaseUnreachable_whenAnAdminListsSessions_then503WithRetryAfter() {
        WARDEN.failNextWith(unreachable());

        var reply = server.get("/api/admin/sessions", "Authorization", "Bearer " + WARDEN.adminToken.reveal());

        assertEquals(503, reply.status(), reply.body());
        assertEquals("service-unavailable", reply.problem());
        assertEquals("5", reply.headers().firstValue("Retry-After").orElse(null));
    }

    @Test
    void givenPasswordHashingSaturated_whenLoggingIn_then503WithRetryAfterOneSecond() {
        WARDEN.failNextWith(new PasswordHashingSaturated());

        var reply = server.post("/api/auth/login", login());

        assertEquals(503, reply.status(), reply.body());
        assertEquals("service-unavailable", reply.problem());
        assertEquals("1", reply.headers().firstValue("Retry-After").orElse(null));
        assertEquals("Too many password checks are running right now. Try again in 1 second.", reply.detail());
    }
}

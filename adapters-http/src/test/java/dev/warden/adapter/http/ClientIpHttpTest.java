package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The IP that reaches LoginUseCase: X-Forwarded-For only counts when the socket peer is a trusted proxy. */
class ClientIpHttpTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    private static final String LOGIN = "{\"username\":\"alice\",\"password\":\"" + FakeWarden.PASSWORD + "\"}";
    @RegisterExtension
    static final ApiServer untrusting = ApiServer.over(WARDEN).withTrustedProxies(Cidr.parse("10.0.0.0/8"));
    @RegisterExtension
    static final ApiServer trustingLoopback = ApiServer.over(WARDEN)
            .withTrustedProxies(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1"));

    @Test
    void givenUntrustedPeer_whenLoggingInWithForwardedFor_thenPeerIpIsRecorded() {
        var reply = untrusting.post("/api/auth/login", LOGIN, "X-Forwarded-For", "203.0.113.50");

        assertEquals(201, reply.status(), reply.body());
        assertEquals("127.0.0.1", WARDEN.lastLoginClient.ipAddress());
    }

    @Test
    void givenTrustedProxyPeer_whenLoggingInWithForwardedFor_thenRightMostClientIpIsRecorded() {
        var reply = trustingLoopback.post("/api/auth/login", LOGIN, "X-Forwarded-For", "6.6.6.6, 203.0.113.50");

        assertEquals(201, reply.status(), reply.body());
        assertEquals("203.0.113.50", WARDEN.lastLoginClient.ipAddress());
    }
}

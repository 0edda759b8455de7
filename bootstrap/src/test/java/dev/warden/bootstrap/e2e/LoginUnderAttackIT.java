package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.bootstrap.e2e.ApiClient.Response;
import dev.warden.domain.LoginThrottlePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The lockout must not become a weapon: an attacker who floods the owner's name locks the account
 * for everyone but the browsers the owner already logged in from, and each attacking address is
 * throttled with 429 once it failed too often. The service sits behind a trusted proxy here
 * (127.0.0.1), so every request's client address is its X-Forwarded-For.
 */
class LoginUnderAttackIT {
    private static final String OWNERS_ADDRESS = "198.51.100.4";
    private static final String WRONG = "not the owner's passphrase";

    private static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    private static Map<String, String> from(String address, String deviceCookie) {
        Map<String, String> headers = new HashMap<>(from(address));
        headers.put("Cookie", "warden_device=" + deviceCookie);
        return headers;
    }

    /** The value of the warden_device cookie a login response set. */
    private static String deviceCookie(Response login) {
        return login.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream())
                .filter(c -> c.startsWith("warden_device="))
                .map(c -> c.substring("warden_device=".length(), c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no device cookie: " + login.headers()));
    }

    /**
     * Windows are fixed slices of time: moves the service's clock to the start of the next one, so
     * that a test's counts all land in one window with all of it ahead.
     */
    private static void startAFreshWindow(RunningWarden warden, Duration window) {
        LoginThrottlePolicy policy = new LoginThrottlePolicy(1, window);
        Instant now = warden.clock.instant();
        warden.clock.advance(Duration.between(now, policy.windowEnd(policy.windowStart(now))));
    }

    @Test
    void theOwnersKnownDeviceLogsInDuringALockoutAttack() throws Exception {
        try (RunningWarden warden = RunningWarden.start(Map.of(
                "WARDEN_TRUSTED_PROXIES", "127.0.0.1/32",
                "WARDEN_LOGIN_IP_FAILURE_WINDOW", "PT1H"))) {
            ApiClient api = warden.client();
            startAFreshWindow(warden, Duration.ofHours(1));
            Response first = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD, from(OWNERS_ADDRESS));
            assertEquals(201, first.status(), first.body());
            String ownersBrowser = deviceCookie(first);
            assertFalse(first.body().contains(ownersBrowser), "the device token is in no response body");

            // The attack: three addresses, 38 wrong passwords each for the owner, all at once.
            List<String> attackers = List.of("203.0.113.10", "203.0.113.11", "203.0.113.12");
            // As many at once as there are password-hashing slots: more would be told to retry (503),
            // which is the saturation test's business, not this one's.
            ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
            Map<String, List<Future<Response>>> answers = new HashMap<>();
            try {
                for (int i = 0; i < 38; i++) {
                    for (String attacker : attackers) {
                        answers.computeIfAbsent(attacker, a -> new ArrayList<>()).add(pool.submit(
                                () -> api.login(RunningWarden.OWNER, WRONG, from(attacker))));
                    }
                }
                for (String attacker : attackers) {
                    int refused = 0;
                    int throttled = 0;
                    for (Future<Response> answer : answers.get(attacker)) {
                        Response r = answer.get();
                        if (r.status() == 401) {
                            refused++;
                        } else {
                            assertEquals(429, r.status(), r.body());
                            assertEquals("too-many-requests", r.problemType());
                            long retryAfter = Long.parseLong(r.header("Retry-After"));
                            assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
                            throttled++;
                        }
                    }
                    // Counted before the hash: even parallel attempts let exactly the limit through.
                    assertEquals(30, refused, attacker);
                    assertEquals(8, throttled, attacker);
                }
            } finally {
                pool.shutdownNow();
            }

            // The account is locked: a client without the cookie gets the usual 401, even with the
            // right password and from the owner's own address.
            Response stranger = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD, from(OWNERS_ADDRESS));
            Response unknownUser = api.login("nobody", WRONG, from("192.0.2.77"));
            assertEquals(401, stranger.status(), stranger.body());
            assertEquals(unknownUser.body(), stranger.body(), "locked reads exactly like unknown");

            // The owner's browser still gets in.
            Response owner = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD,
                    from(OWNERS_ADDRESS, ownersBrowser));
            assertEquals(201, owner.status(), owner.body());
            String token = owner.token();
            JsonNode ownerRow = api.get("/api/admin/users?q=" + RunningWarden.OWNER, token).json().path("items").get(0);
            assertFalse(ownerRow.path("lockedUntil").isNull(), "the account is still locked: " + ownerRow);

            // From an attacking address too: a known device is exempt from the throttle.
            Response sameNat = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD,
                    from("203.0.113.10", ownersBrowser));
            assertEquals(201, sameNat.status(), sameNat.body());

            // The audit log tells the story: one lock, one throttle entry per attacking address (the
            // 1st refusal of each; the next would be the 10th).
            List<JsonNode> locked = api.all("/api/admin/audit?type=ACCOUNT_LOCKED", token);
            assertEquals(1, locked.size(), locked.toString());
            List<JsonNode> throttledEntries = api.all("/api/admin/audit?type=LOGIN_THROTTLED", token);
            assertEquals(attackers, throttledEntries.stream().map(e -> e.path("ipAddress").asText()).sorted().toList());
            JsonNode knownDevice = api.all("/api/admin/audit?type=LOGIN_SUCCEEDED", token).getFirst();
            assertEquals("known device", knownDevice.path("reason").asText());
        }
    }

    @Test
    void aClientAddressIsThrottledAfterTheLimitWithRetryAfterAndMayTryAgainOnceTheWindowEnds() {
        Duration window = LoginThrottlePolicy.DEFAULTS.window(); // five minutes
        try (RunningWarden warden = RunningWarden.start(Map.of(
                "WARDEN_TRUSTED_PROXIES", "127.0.0.1/32",
                "WARDEN_LOGIN_IP_FAILURE_LIMIT", "3"))) {
            ApiClient api = warden.client();
            String admin = warden.ownerToken();
            startAFreshWindow(warden, window);
            for (int i = 0; i < 3; i++) {
                assertEquals(401, api.login("nobody", WRONG, from("203.0.113.20")).status());
            }

            Response throttled = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD, from("203.0.113.20"));

            assertEquals(429, throttled.status(), throttled.body());
            assertEquals("too-many-requests", throttled.problemType());
            assertTrue(throttled.header("Content-Type").startsWith("application/problem+json"));
            long retryAfter = Long.parseLong(throttled.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= window.toSeconds(), "Retry-After " + retryAfter);
            // Another address is unaffected.
            assertEquals(201, api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD, from("203.0.113.21")).status());

            List<JsonNode> audit = api.all("/api/admin/audit?type=LOGIN_THROTTLED", admin);
            assertEquals(1, audit.size(), audit.toString());
            assertEquals("203.0.113.20", audit.getFirst().path("ipAddress").asText());
            assertEquals(RunningWarden.OWNER, audit.getFirst().path("username").asText());
            assertTrue(audit.getFirst().path("reason").asText().contains("refused attempts in it so far: 1"));

            Response early = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD, from("203.0.113.20"));
            assertEquals(429, early.status(), "still throttled before the window ends: " + early.body());
            warden.clock.advance(Duration.ofSeconds(retryAfter));

            Response again = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD, from("203.0.113.20"));
            assertEquals(201, again.status(), again.body());
            assertNotNull(again.token());
        }
    }
}

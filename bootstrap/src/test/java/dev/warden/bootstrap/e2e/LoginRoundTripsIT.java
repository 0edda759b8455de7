package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.e2e.ApiClient.Response;
import dev.warden.bootstrap.e2e.PostgresRoundTrips.RoundTrip;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How many round trips to PostgreSQL a login costs (issue 22: at most three), counted exactly: a
 * proxy between the service and the database parses what the service sends, and each Sync (or
 * simple query) is one trip the service waits for. The login's trips are told from the background's
 * (the outbox relay on the same pool) by their SQL. A regression that adds a statement or a commit of
 * its own to a login fails here.
 */
class LoginRoundTripsIT {
    private static final String PASSWORD = "tides turn on quiet harbours";
    /** What a login's statements touch; the relay and the jobs touch none of it but the outbox, which they read. */
    private static final Pattern LOGIN_SQL = Pattern.compile(
            "(?is).*(login_throttle_windows|FROM users|known_devices|INSERT INTO sessions|INSERT INTO audit_entries"
                    + "|INSERT INTO outbox|pg_advisory_xact_lock\\(1,|SELECT count\\(\\*\\) AS n FROM sessions).*");
    private static final Predicate<String> OURS = sql -> LOGIN_SQL.matcher(sql).matches();

    private static PostgresProxy proxy;
    private static RunningWarden warden;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        String url = TestPostgres.url();
        proxy = PostgresProxy.to(url);
        // Plain text (the proxy reads it) and the SQL in every Parse (no server-side prepared statements).
        String proxied = proxy.jdbcUrl(url);
        proxied += (proxied.contains("?") ? "&" : "?") + "sslmode=disable&gssEncMode=disable&prepareThreshold=0";
        warden = RunningWarden.start(Map.of("WARDEN_DB_URL", proxied, "WARDEN_SESSION_MAX_PER_USER", "1000"));
        client = warden.client();
        Response created = client.post("/api/admin/users", warden.ownerToken(),
                "{\"username\":\"rita\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals(201, client.login("rita", PASSWORD).status()); // warm: every statement seen once
    }

    @AfterAll
    static void stop() {
        if (warden != null) {
            warden.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aSuccessfulLoginFromANewBrowserCostsAtMostThreeRoundTrips() {
        List<RoundTrip> trips = tripsOf(() -> client.login("rita", PASSWORD), 201);

        assertTrue(trips.size() <= 3, describe(trips));
    }

    @Test
    void aSuccessfulLoginFromAKnownDeviceCostsAtMostThreeRoundTrips() {
        String device = deviceCookie(client.login("rita", PASSWORD));

        List<RoundTrip> trips = tripsOf(() -> client.login("rita", PASSWORD, Map.of("Cookie", "warden_device=" + device)),
                201);

        assertTrue(trips.size() <= 3, describe(trips));
    }

    @Test
    void aWrongPasswordCostsAtMostThreeRoundTrips() {
        List<RoundTrip> trips = tripsOf(() -> client.login("rita", "not rita's passphrase"), 401);

        assertTrue(trips.size() <= 3, describe(trips));
    }

    @Test
    void anUnknownNameCostsAtMostTwoRoundTrips() {
        List<RoundTrip> trips = tripsOf(() -> client.login("nobody-at-all", PASSWORD), 401);

        assertTrue(trips.size() <= 2, describe(trips));
    }

    /** The login's trips, the fewest of three tries (a pool may check an idle connection first). */
    private static List<RoundTrip> tripsOf(Supplier<Response> login, int status) {
        List<RoundTrip> fewest = null;
        for (int i = 0; i < 3; i++) {
            proxy.roundTrips().reset();
            Response response = login.get();
            assertEquals(status, response.status(), response.body());
            List<RoundTrip> trips = proxy.roundTrips().of(OURS);
            System.out.println("[round trips] " + describe(trips));
            if (fewest == null || trips.size() < fewest.size()) {
                fewest = trips;
            }
        }
        return fewest;
    }

    private static String describe(List<RoundTrip> trips) {
        return trips.size() + " round trips: " + trips.stream()
                .map(t -> t.sql().stream().map(s -> s.strip().replaceAll("\\s+", " "))
                        .map(s -> s.length() > 60 ? s.substring(0, 60) + "..." : s)
                        .collect(Collectors.joining(" | ", "[", "]")))
                .collect(Collectors.joining(" "));
    }

    private static String deviceCookie(Response login) {
        return login.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream())
                .filter(c -> c.startsWith("warden_device="))
                .map(c -> c.substring("warden_device=".length(), c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no device cookie: " + login.headers()));
    }
}

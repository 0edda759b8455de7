package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.application.contract.Ports;
import dev.warden.application.port.out.HistoryRetention;
import dev.warden.domain.Account;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.Session;
import dev.warden.domain.TerminationReason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V16: a user agent string is kept once however many sessions share it, every read gives each
 * session its own string back, history keeps the string, and retention forgets strings no open
 * session uses without ever taking one from under a session.
 */
class UserAgentsOnceIT {
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0";

    private Ports ports;
    private Account alice;
    private HistoryRetention retention;

    @BeforeEach
    void alice() {
        ports = TestDatabase.freshPorts();
        retention = TestDatabase.get().historyRetention();
        alice = anAccount("Alice").build();
        ports.accounts().insert(alice);
    }

    @Test
    void givenSessionsSharingAUserAgent_whenStored_thenTheStringIsKeptOnce_andEachReadsItsOwnBack() throws SQLException {
        Session first = aSession(alice).withUserAgent(FIREFOX).build();
        Session second = aSession(alice).withUserAgent(FIREFOX).build();
        Session third = aSession(alice).withUserAgent(CHROME).build();
        Session none = aSession(alice).withUserAgent("").build();
        for (Session session : new Session[] {first, second, third, none}) {
            ports.sessions().insert(session);
        }

        assertEquals(2, TestDatabase.count("user_agents"));
        assertEquals(3, TestDatabase.count("sessions WHERE user_agent = '' AND user_agent_id IS NOT NULL"),
                "the rows hold the id, not the string");
        for (Session session : new Session[] {first, second, third, none}) {
            assertEquals(session, ports.sessions().findOpenByTokenHash(session.tokenHash()).orElseThrow().session());
        }

        ports.sessions().markEnded(second.id(), TerminationReason.USER_LOGOUT, null, NOW);
        assertEquals(FIREFOX, text("SELECT user_agent FROM session_history WHERE id = '" + second.id().value() + "'"),
                "history keeps the string itself");
        // The previous version's UPDATE, moved by V15's trigger: the string too.
        TestDatabase.execute("UPDATE sessions SET ended_at = now(), end_reason = 'USER_LOGOUT' WHERE id = '"
                + third.id().value() + "'");
        assertEquals(CHROME, text("SELECT user_agent FROM session_history WHERE id = '" + third.id().value() + "'"));
    }

    @Test
    void givenTheLongestUserAgentALoginCanBring_whenStored_thenTheStringsIndexTakesIt_andItReadsBack() {
        // A 100 kB header of 4-byte characters, as ClientInfo caps it: 512 of them and the cut marker,
        // 2,051 bytes: under the 2,704 bytes a B-tree entry of user_agents_by_text may hold.
        String capped = new ClientInfo("192.0.2.1", "\uD83D\uDE00".repeat(50_000)).userAgent();
        Session session = aSession(alice).withUserAgent(capped).build();

        ports.sessions().insert(session);

        assertEquals(session, ports.sessions().findOpenByTokenHash(session.tokenHash()).orElseThrow().session());
        assertEquals(1, TestDatabase.count("user_agents WHERE octet_length(user_agent) = 2051"));
    }

    @Test
    void givenTwoLoginsBringingOneNewUserAgentAtOnce_whenBothCommit_thenBothShareOneString() throws Exception {
        try (Connection holding = TestDatabase.connection(); Statement statement = holding.createStatement()) {
            holding.setAutoCommit(false);
            statement.execute(insertWith(FIREFOX));
            // The second insert meets the first one's uncommitted string and waits for it.
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> TestDatabase.execute(insertWith(FIREFOX)));
            Thread.sleep(300);
            holding.commit();
            second.get(10, TimeUnit.SECONDS);
        }

        assertEquals(1, TestDatabase.count("user_agents"));
        assertEquals(2, TestDatabase.count("sessions WHERE user_agent_id = (SELECT id FROM user_agents)"));
    }

    @Test
    void givenStringsOldAndNew_whenRetentionRuns_thenOnlyThoseNoOpenSessionUsesAndLongUnusedGo() throws SQLException {
        Session open = aSession(alice).withUserAgent(FIREFOX).build();
        Session ended = aSession(alice).withUserAgent(CHROME).build();
        ports.sessions().insert(open);
        ports.sessions().insert(ended);
        ports.sessions().markEnded(ended.id(), TerminationReason.USER_LOGOUT, null, NOW);
        TestDatabase.execute("INSERT INTO user_agents (user_agent, seen_on) VALUES ('handed out yesterday',"
                + " CAST(now() AT TIME ZONE 'UTC' AS date) - 1)");
        TestDatabase.execute("UPDATE user_agents SET seen_on = seen_on - 5 WHERE user_agent <> 'handed out yesterday'");
        Instant now = Instant.now();

        assertEquals(1, retention.deleteUnusedUserAgents(now, 100), "the ended session's string");
        assertEquals(0, retention.deleteUnusedUserAgents(now, 100));

        assertEquals(2, TestDatabase.count("user_agents"));
        assertEquals(open, ports.sessions().findOpenByTokenHash(open.tokenHash()).orElseThrow().session());
        // A login that brings a string retention could forget takes it back to today first.
        Session again = aSession(alice).withUserAgent("handed out yesterday").build();
        TestDatabase.execute("UPDATE user_agents SET seen_on = seen_on - 5");
        ports.sessions().insert(again);
        assertEquals(0, retention.deleteUnusedUserAgents(now, 100));
        ports.sessions().markEnded(again.id(), TerminationReason.USER_LOGOUT, null, NOW);
        assertEquals(0, retention.deleteUnusedUserAgents(now, 100), "seen today: kept until the day after tomorrow");
        assertEquals(1, retention.deleteUnusedUserAgents(now.plusSeconds(2 * 86_400), 100));
    }

    private String insertWith(String userAgent) {
        return "INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at,"
                + " expires_at) VALUES ('" + UUID.randomUUID() + "', '" + alice.id().value() + "', '"
                + UUID.randomUUID() + "', '192.0.2.1', '" + userAgent + "', now(), now(), now() + interval '1 day')";
    }

    private static String text(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}

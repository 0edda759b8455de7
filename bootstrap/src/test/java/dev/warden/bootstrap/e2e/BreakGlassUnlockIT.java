package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.bootstrap.BreakGlass;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code warden unlock USERNAME} run through its entry point in this JVM, against the database of
 * a running Warden: the operator's way back in when an attack has locked the owner out.
 */
class BreakGlassUnlockIT {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int unlock(String... args) {
        Map<String, String> env = Map.of("WARDEN_DB_URL", TestPostgres.url(), "WARDEN_DB_USER", TestPostgres.user(),
                "WARDEN_DB_PASSWORD", TestPostgres.password());
        return BreakGlass.unlock(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anOperatorUnlocksTheLockedOutOwnerFromTheShell_oneLineExitZeroAndAudited() {
        try (RunningWarden warden = RunningWarden.start()) {
            ApiClient api = warden.client();
            for (int i = 0; i < 10; i++) {
                assertEquals(401, api.login(RunningWarden.OWNER, "an attacker's guess").status());
            }
            assertEquals(401, api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD).status(), "locked out");

            int exit = unlock("owner");

            assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
            assertEquals("warden: unlocked owner" + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
            assertEquals("", err.toString(StandardCharsets.UTF_8));
            String token = api.login(RunningWarden.OWNER, RunningWarden.OWNER_PASSWORD).token();
            JsonNode entry = api.all("/api/admin/audit?type=ACCOUNT_UNLOCKED", token).getFirst();
            assertEquals(RunningWarden.OWNER, entry.path("username").asText());
            assertEquals("shell:" + System.getProperty("user.name"), entry.path("actorUsername").asText());
            assertTrue(entry.path("actorId").isNull(), entry.toString());
        }
    }

    @Test
    void anUnknownUserIsOneLineAndANonZeroExit() {
        try (RunningWarden warden = RunningWarden.start()) {
            int exit = unlock("nobody");

            assertEquals(1, exit);
            assertEquals("", out.toString(StandardCharsets.UTF_8));
            assertEquals("warden: no user is named 'nobody'; nothing was unlocked" + System.lineSeparator(),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void withoutExactlyOneUsernameItPrintsItsUsage() {
        assertEquals(2, unlock());
        assertEquals(2, unlock("alice", "bob"));
        assertEquals(("warden: usage: warden unlock USERNAME" + System.lineSeparator()).repeat(2),
                err.toString(StandardCharsets.UTF_8));
    }
}

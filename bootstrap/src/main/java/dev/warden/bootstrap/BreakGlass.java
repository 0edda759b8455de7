package dev.warden.bootstrap;

import dev.warden.adapter.db.DatabaseSettings;
import dev.warden.adapter.db.DatabaseUnavailable;
import dev.warden.adapter.db.WardenDatabase;
import dev.warden.application.port.in.accounts.BreakGlassUnlockUseCase;
import dev.warden.application.port.in.accounts.UserNotFound;
import dev.warden.application.service.accounts.UnlockUserService;
import dev.warden.bootstrap.config.ConfigurationError;
import dev.warden.bootstrap.config.WardenSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code warden unlock USERNAME}: the operator's way to lift a lock from the shell when nobody
 * can log in to do it (the owner locked out by an attack). Connects to PostgreSQL only (no
 * Kafka, no HTTP), so it works beside a running service or without one; prints one line and
 * exits 0, or names the problem in one line and exits non-zero. Audited as ACCOUNT_UNLOCKED with
 * the actor {@code shell:<operating-system user>}.
 */
public final class BreakGlass {
    public static final String COMMAND = "unlock";

    private BreakGlass() {
    }

    /**
     * @param args the arguments after {@code unlock}
     * @return the exit code: 0 unlocked, 1 no such user, 2 a usage, configuration or connection problem
     */
    public static int unlock(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.getFirst().isBlank()) {
            err.println("warden: usage: warden unlock USERNAME");
            return 2;
        }
        String username = args.getFirst().strip();
        WardenSettings settings;
        try {
            settings = WardenSettings.withoutKafka(env); // PostgreSQL only: no broker required
        } catch (ConfigurationError e) {
            err.println("warden: " + e.getMessage());
            return 2;
        }
        try (WardenDatabase database = WardenDatabase.connect(
                DatabaseSettings.of(settings.dbUrl(), settings.dbUser(), settings.dbPassword()))) {
            BreakGlassUnlockUseCase unlock = new UnlockUserService(database.transactions(), database.userAccounts(),
                    database.knownDevices(), database.auditTrail(), database.eventOutbox(), Clock.systemUTC());
            out.println("warden: unlocked " + unlock.unlockFromShell(username, operator()));
            return 0;
        } catch (UserNotFound e) {
            err.println("warden: no user is named '" + printable(username) + "'; nothing was unlocked");
            return 1;
        } catch (DatabaseUnavailable e) {
            err.println("warden: " + e.getMessage());
            return 2;
        }
    }

    /** The operating-system user, as the audit log's actor. */
    private static String operator() {
        String name = System.getProperty("user.name");
        return name == null || name.isBlank() ? "unknown" : name;
    }

    /** A typed name echoed safely: control characters replaced, length capped. */
    private static String printable(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}

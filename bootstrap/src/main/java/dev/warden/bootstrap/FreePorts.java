package dev.warden.bootstrap;

import dev.warden.bootstrap.config.ConfigurationError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks, before anything starts, that the ports Warden will listen on are free: a port another
 * process holds ends the start in one line naming its variable. Helidon itself only logs a listener
 * it could not bind and shuts its server down, so this check comes first; the check after the start
 * ({@link WardenApplication}) stays for a port taken in between.
 */
final class FreePorts {
    private FreePorts() {
    }

    /** @throws ConfigurationError when {@code host:port} cannot be bound now (port 0 is always free) */
    static void require(String host, int port, String variable) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as the server binds: a socket of ours in TIME_WAIT does not count
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new ConfigurationError(variable + ": cannot listen on " + host + ":" + port + " ("
                    + e.getMessage() + "); is another process using it?");
        }
    }
}

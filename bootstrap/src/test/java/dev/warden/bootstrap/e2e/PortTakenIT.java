package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.config.ConfigurationError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A port another process holds ends the start with one line naming the variable (Main prints it,
 * exit code 2), and nothing Warden started before it stays running. Helidon only logs a listener it
 * could not bind and shuts down; without the check Warden announced itself running on port -1.
 */
class PortTakenIT {

    @Test
    void aTakenManagementPortStopsTheStartWithOneLineNamingTheVariable() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ConfigurationError refused = assertThrows(ConfigurationError.class, () -> RunningWarden.start(Map.of(
                    "WARDEN_MANAGEMENT_PORT", String.valueOf(taken.getLocalPort()),
                    "WARDEN_STREAMS", "off")));

            assertTrue(refused.getMessage().contains("WARDEN_MANAGEMENT_PORT"), refused.getMessage());
            assertTrue(refused.getMessage().contains(":" + taken.getLocalPort()), refused.getMessage());
        }
    }

    @Test
    void aTakenPublicPortStopsTheStartToo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ConfigurationError refused = assertThrows(ConfigurationError.class, () -> RunningWarden.start(Map.of(
                    "WARDEN_HTTP_PORT", String.valueOf(taken.getLocalPort()),
                    "WARDEN_STREAMS", "off")));

            assertTrue(refused.getMessage().contains("WARDEN_HTTP_PORT"), refused.getMessage());
        }
    }
}

package dev.warden.adapter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

class KeepAliveSocketFactoryTest {
    @Test
    void givenAConnectTimeout_thenASilentServerIsDeclaredDeadAfterAboutAsLong() {
        assertEquals("1,1,1", KeepAliveSocketFactory.spec(1));
        assertEquals("1,1,1", KeepAliveSocketFactory.spec(2));
        assertEquals("2,1,3", KeepAliveSocketFactory.spec(5));
        assertEquals("173,1,127", KeepAliveSocketFactory.spec(300), "Linux takes at most 127 probes");
        assertEquals("32767,1,127", KeepAliveSocketFactory.spec(86_400), "and an idle time of at most 32767 s");
        assertEquals(2, ConnectionPools.wholeSeconds(Duration.ofMillis(1_001)), "rounded up, never shorter");
        assertEquals(1, ConnectionPools.wholeSeconds(Duration.ofMillis(250)));
    }

    @Test
    void givenTheFactory_whenPgjdbcAsksForASocket_thenItProbesAfterTheGivenIdleTime() throws Exception {
        try (Socket socket = new KeepAliveSocketFactory("3,1,2").createSocket()) {
            assertTrue(socket.getKeepAlive());
            if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
                assertEquals(3, socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
                assertEquals(1, socket.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL));
                assertEquals(2, socket.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT));
            }
        }
    }

    @Test
    void givenTheLongestConnectTimeouts_whenASocketIsMade_thenTheSystemTakesItsOptions() throws Exception {
        for (int seconds : new int[] {254, 255, 300, 86_400}) {
            try (Socket socket = new KeepAliveSocketFactory(KeepAliveSocketFactory.spec(seconds)).createSocket()) {
                assertTrue(socket.getKeepAlive(), seconds + " s");
            }
        }
    }

    @Test
    void givenAMalformedSpec_thenItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KeepAliveSocketFactory("1,1"));
        assertThrows(IllegalArgumentException.class, () -> new KeepAliveSocketFactory("0,1,1"));
    }
}

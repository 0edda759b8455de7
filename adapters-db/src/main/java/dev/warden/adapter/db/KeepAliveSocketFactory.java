package dev.warden.adapter.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketOption;
import javax.net.SocketFactory;
import jdk.net.ExtendedSocketOptions;

/**
 * The sockets pgjdbc opens to PostgreSQL (named in the {@code socketFactory} connection property,
 * which pgjdbc instantiates with {@code socketFactoryArg}). They send TCP keepalive probes after a
 * short idle time, so a connection whose server vanished without a word (host down, network cut)
 * fails within about the connect timeout even while it waits for a long query, instead of after
 * the operating system's two-hour default. A per-read socket timeout could not tell that apart
 * from a slow but healthy query.
 *
 * <p>Public only because pgjdbc creates it by reflection.
 */
public final class KeepAliveSocketFactory extends SocketFactory {
    private final int idleSeconds;
    private final int intervalSeconds;
    private final int probes;

    /** @param spec {@code idleSeconds,intervalSeconds,probes}, as {@link #spec} writes it */
    public KeepAliveSocketFactory(String spec) {
        String[] parts = spec == null ? new String[0] : spec.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected idleSeconds,intervalSeconds,probes, was " + spec);
        }
        this.idleSeconds = positive(parts[0]);
        this.intervalSeconds = positive(parts[1]);
        this.probes = positive(parts[2]);
    }

    /** Linux refuses more keepalive probes than this, and a longer idle time, with EINVAL. */
    static final int MAX_PROBES = 127;
    static final int MAX_IDLE_SECONDS = 32_767;

    /**
     * Probes that declare a silent peer dead after roughly {@code seconds} (at least two): half the
     * time idle, then a probe a second; past 254 s the probes stay at Linux's most and the idle time
     * grows instead (a connect timeout of 300 s made every connection fail with "Invalid argument").
     */
    static String spec(int seconds) {
        int probes = Math.max(1, Math.min(MAX_PROBES, seconds - Math.max(1, seconds / 2)));
        int idle = Math.max(1, Math.min(MAX_IDLE_SECONDS, seconds - probes));
        return idle + ",1," + probes;
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
        socket.setKeepAlive(true);
        set(socket, ExtendedSocketOptions.TCP_KEEPIDLE, idleSeconds);
        set(socket, ExtendedSocketOptions.TCP_KEEPINTERVAL, intervalSeconds);
        set(socket, ExtendedSocketOptions.TCP_KEEPCOUNT, probes);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Where the platform lacks an option (not Linux or macOS), the OS default stays. */
    private static void set(Socket socket, SocketOption<Integer> option, int value) throws IOException {
        if (socket.supportedOptions().contains(option)) {
            socket.setOption(option, value);
        }
    }

    private static int positive(String text) {
        int value = Integer.parseInt(text.strip());
        if (value < 1) {
            throw new IllegalArgumentException("must be at least 1, was " + value);
        }
        return value;
    }
}

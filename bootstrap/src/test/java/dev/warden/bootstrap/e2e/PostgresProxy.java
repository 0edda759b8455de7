package dev.warden.bootstrap.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between a service instance and PostgreSQL, for faults the shared cluster cannot be
 * made to show. Cut: every open connection is reset (what the client sees when the server dies
 * mid-request, and what the server sees when the instance's process dies), and new ones are
 * accepted and reset at once (a server that is down). Restore: connections are forwarded again, on
 * the same port. Freeze: bytes stop flowing both ways while every connection stays open (a frozen
 * process or a silent network: the server sees idle sessions).
 */
final class PostgresProxy implements AutoCloseable {
    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Integer> upstreamPorts = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean frozen;
    private final PostgresRoundTrips roundTrips = new PostgresRoundTrips();

    /** @param jdbcUrl the PostgreSQL to forward to */
    PostgresProxy(String jdbcUrl) throws IOException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.upstream = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("postgres-proxy").start(this::accept);
    }

    /** A proxy to the server of a {@code jdbc:postgresql://host:port/db} URL. */
    static PostgresProxy to(String jdbcUrl) {
        try {
            return new PostgresProxy(jdbcUrl);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same JDBC URL, pointing at the proxy. */
    String jdbcUrl(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The local ports of the proxy's connections to PostgreSQL: {@code client_port} in pg_stat_activity. */
    Set<Integer> upstreamPorts() {
        return Set.copyOf(upstreamPorts);
    }

    /** What the clients sent, as round trips (see {@link PostgresRoundTrips} for the URL it needs). */
    PostgresRoundTrips roundTrips() {
        return roundTrips;
    }

    /** Bytes stop flowing both ways; every connection stays open, and new ones are held unanswered. */
    void freeze() {
        frozen = true;
    }

    void cut() {
        cut = true;
        for (Socket socket : sockets) {
            reset(socket);
        }
    }

    void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                reset(client);
            } else if (frozen) {
                sockets.add(client); // a frozen peer never answers; cut() or close() resets it
            } else {
                Thread.ofVirtual().start(() -> forward(client));
            }
        }
    }

    private void forward(Socket client) {
        Socket server = new Socket();
        sockets.add(client);
        sockets.add(server);
        try {
            server.connect(upstream, 5_000);
        } catch (IOException e) {
            reset(client);
            reset(server);
            return;
        }
        upstreamPorts.add(server.getLocalPort());
        if (cut) { // cut while connecting
            reset(client);
            reset(server);
            return;
        }
        PostgresRoundTrips.Connection tap = roundTrips.connection();
        Thread.ofVirtual().start(() -> pump(client, server, tap));
        pump(server, client, tap);
    }

    /** @param tap what reads the bytes on the way, or null */
    private void pump(Socket from, Socket to, PostgresRoundTrips.Connection tap) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                while (frozen && !cut) {
                    Thread.sleep(20); // hold the bytes: nothing reaches the other side
                }
                if (tap != null && from.getLocalPort() == listener.getLocalPort()) {
                    tap.sent(buffer, n); // from the client
                } else if (tap != null) {
                    tap.answered();
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException ignored) {
            // One side went away; the finally closes the other.
        } finally {
            reset(from);
            reset(to);
        }
    }

    /** Closes with a TCP reset rather than an orderly goodbye, as a crashed server's host does. */
    private void reset(Socket socket) {
        sockets.remove(socket);
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
        } catch (IOException ignored) {
            // Not connected yet; close anyway.
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }
}

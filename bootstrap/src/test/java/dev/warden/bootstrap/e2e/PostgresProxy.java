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
 * A TCP proxy between the service and PostgreSQL that a test can cut and restore, standing in for
 * a database crash without touching the shared cluster. Cut: every open connection is reset (what
 * the client sees when the server dies mid-request), and new ones are accepted and reset at once
 * (a server that is down). Restore: connections are forwarded again, on the same port.
 */
final class PostgresProxy implements AutoCloseable {
    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    /** @param jdbcUrl the PostgreSQL to forward to */
    PostgresProxy(String jdbcUrl) throws IOException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.upstream = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("postgres-proxy").start(this::accept);
    }

    /** The same JDBC URL, pointing at the proxy. */
    String jdbcUrl(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
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
        if (cut) { // cut while connecting
            reset(client);
            reset(server);
            return;
        }
        Thread.ofVirtual().start(() -> pump(client, server));
        pump(server, client);
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
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

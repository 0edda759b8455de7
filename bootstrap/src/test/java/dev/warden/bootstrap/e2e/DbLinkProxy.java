package dev.warden.bootstrap.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between one service instance and PostgreSQL, for faults PostgreSQL cannot fake:
 * {@link #cut()} closes every connection and refuses new ones (the instance's process died: the
 * server sees its sockets close), {@link #freeze()} stops passing bytes while the connections
 * stay open (the process froze or the network went silent: the server sees idle sessions).
 */
final class DbLinkProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Integer> upstreamPorts = ConcurrentHashMap.newKeySet();
    private volatile boolean frozen;
    private volatile boolean cut;

    private DbLinkProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("db-link-proxy-accept").start(this::acceptLoop);
    }

    /** A proxy to the server of a {@code jdbc:postgresql://host:port/db} URL. */
    static DbLinkProxy to(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        try {
            return new DbLinkProxy(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same URL, through this proxy. */
    String url(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String hostPort = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        return jdbcUrl.replaceFirst(java.util.regex.Pattern.quote(hostPort),
                "127.0.0.1:" + listener.getLocalPort());
    }

    /** The local ports of the proxy's connections to PostgreSQL: {@code client_port} in pg_stat_activity. */
    Set<Integer> upstreamPorts() {
        return Set.copyOf(upstreamPorts);
    }

    /** Bytes stop flowing both ways; every connection stays open. */
    void freeze() {
        frozen = true;
    }

    /** Every connection closes at once and no new one is accepted. */
    void cut() {
        cut = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        cut();
    }

    private void acceptLoop() {
        while (!cut) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                if (frozen || cut) {
                    continue; // a frozen peer never answers; a cut one is closed by cut()
                }
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(server);
                upstreamPorts.add(server.getLocalPort());
                pump(client, server);
                pump(server, client);
                if (cut) {
                    cut();
                }
            } catch (IOException e) {
                if (!cut) {
                    System.err.println("db-link-proxy: " + e.getMessage());
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon().name("db-link-proxy-pump").start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    while (frozen && !cut) {
                        Thread.sleep(20); // hold the bytes: nothing reaches the other side
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the link was cut, or a side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}

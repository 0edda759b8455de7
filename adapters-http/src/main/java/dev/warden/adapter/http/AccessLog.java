package dev.warden.adapter.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * One line per request: method, path, status, duration, client IP. Deliberately not Helidon's
 * access log, whose formats can include headers: no query string, header, cookie or body is ever
 * written, and path segments shaped like a session token are masked.
 */
final class AccessLog implements Filter {
    /**
     * java.util.logging itself, not System.Logger: a record logged with its source named ({@code logp})
     * spares the formatter a walk of the stack to find it on every request (4 % of the server's CPU
     * per validation, docs/benchmarks.md).
     */
    private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());
    private static final String SOURCE = AccessLog.class.getName();
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_-]{32,}");
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cntrl}\\s]");
    private static final int MAX_PATH = 200;

    private final ClientInfoReader clients;

    AccessLog(ClientInfoReader clients) {
        this.clients = clients;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        String method = req.prologue().method().text();
        String path = safePath(req.path().rawPath());
        String ip = clients.ipAddress(req);
        // whenSent sees the final status, also when an error handler wrote the response.
        res.whenSent(() -> {
            if (LOG.isLoggable(Level.INFO)) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                LOG.logp(Level.INFO, SOURCE, "filter", method + " " + path + " " + res.status().code() + " " + millis + "ms " + ip);
            }
        });
        chain.proceed();
    }

    /** The path as safe to log: token-like segments masked, control characters replaced, length capped. */
    static String safePath(String rawPath) {
        if (rawPath == null) {
            return "";
        }
        String path = rawPath.length() > MAX_PATH ? rawPath.substring(0, MAX_PATH) + "..." : rawPath;
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (TOKEN_LIKE.matcher(segments[i]).find()) {
                segments[i] = "[redacted]";
            }
        }
        String result = String.join("/", segments);
        return UNPRINTABLE.matcher(result).replaceAll("?");
    }
}

package dev.warden.adapter.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The web console: its files from a classpath folder at {@code /}, {@code index.html} as the
 * welcome file, revalidated by ETag ({@code Cache-Control: no-cache}, then 304).
 *
 * <p>Deliberately not Helidon's static-content feature: in 4.5 it answers 500 to a malformed
 * {@code Range}, {@code If-Modified-Since} or {@code If-None-Match} header, and mishandles ranges
 * past the end of a file. The console is a dozen small files that browsers fetch whole, so this
 * serves them whole and ignores {@code Range} and the date conditions, as RFC 9110 allows.
 */
final class Console implements HttpService {
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            // Browsers load ES modules only with a JavaScript type.
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "txt", "text/plain; charset=utf-8");
    /** Plain names only: no "..", no empty segment, no backslash, no encoded oddities. */
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,100}){1,5}");

    private final String location;
    // Only files that exist are cached, so requests for missing names cannot grow it.
    private final ConcurrentMap<String, Asset> cache = new ConcurrentHashMap<>();

    private record Asset(byte[] bytes, String contentType, String etag) {
    }

    private Console(String location) {
        this.location = Objects.requireNonNull(location, "location");
    }

    static HttpService service(String classpathLocation) {
        return new Console(classpathLocation);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::serve).get("/*", this::serve).head("/", this::serve).head("/*", this::serve);
    }

    private void serve(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        Asset asset = find(path.isEmpty() || path.equals("/") ? "/index.html" : path);
        if (asset == null) {
            // Not a console file: the observe and OpenAPI routes come after this one; else a problem 404.
            res.next();
            return;
        }
        HttpRequestMetrics.answeredBy(req, HttpRequestMetrics.CONSOLE);
        res.headers().set(HeaderNames.ETAG, asset.etag());
        res.headers().set(HeaderNames.CACHE_CONTROL, "no-cache");
        if (matches(req.headers().all(HeaderNames.IF_NONE_MATCH, List::of), asset.etag())) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        res.headers().set(HeaderNames.CONTENT_TYPE, asset.contentType());
        Responses.sendUnlessHead(req, res, asset.bytes());
    }

    /** @return null when the path names no console file */
    private Asset find(String path) {
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : CONTENT_TYPES.get(path.substring(dot + 1));
        if (type == null || !SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            return null;
        }
        Asset cached = cache.get(path);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = read(location + path);
        if (bytes == null) {
            return null;
        }
        Asset asset = new Asset(bytes, type, etag(bytes));
        cache.putIfAbsent(path, asset);
        return asset;
    }

    private static byte[] read(String resource) {
        try (InputStream in = Console.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** If-None-Match: {@code *} or any listed tag, weak or strong, equal to ours. */
    private static boolean matches(List<String> ifNoneMatch, String etag) {
        for (String header : ifNoneMatch) {
            for (String tag : header.split(",")) {
                String candidate = tag.strip();
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.equals("*") || candidate.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

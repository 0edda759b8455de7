package dev.warden.adapter.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.postgresql.Driver;

/** Picks PostgreSQL JDBC URLs apart without printing what they may carry (a password parameter). */
public final class ConnectionUrls {
    private static final String PREFIX = "jdbc:postgresql://";

    private ConnectionUrls() {
    }

    /**
     * The URL as safe to print: without its query string (which may hold {@code password=} or
     * {@code sslpassword=}) and with any {@code user:password@} before the host masked.
     */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        String withoutQuery = query < 0 ? url : url.substring(0, query);
        int authority = withoutQuery.indexOf("//");
        if (authority < 0) {
            return withoutQuery;
        }
        int path = withoutQuery.indexOf('/', authority + 2);
        int end = path < 0 ? withoutQuery.length() : path;
        int at = withoutQuery.lastIndexOf('@', end - 1);
        if (at <= authority) {
            return withoutQuery;
        }
        return withoutQuery.substring(0, authority + 2) + "***@" + withoutQuery.substring(at + 1);
    }

    /**
     * Whether the driver can read the URL and it names a database. Parses only: never connects, so
     * start-up can refuse a malformed WARDEN_DB_URL before anything starts.
     */
    public static boolean isUsable(String url) {
        if (url == null || !url.startsWith(PREFIX) || Driver.parseURL(url, null) == null) {
            return false;
        }
        try {
            return !databaseName(url).isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The database the URL names. */
    static String databaseName(String url) {
        int[] path = pathBounds(url);
        return URLDecoder.decode(url.substring(path[0], path[1]), StandardCharsets.UTF_8);
    }

    /** The same server and options, but the given database. */
    static String withDatabase(String url, String database) {
        int[] path = pathBounds(url);
        return url.substring(0, path[0]) + database + url.substring(path[1]);
    }

    private static int[] pathBounds(String url) {
        int slash = url.startsWith(PREFIX) ? url.indexOf('/', PREFIX.length()) : -1;
        if (slash < 0) {
            throw new IllegalArgumentException("The URL names no database: " + redact(url));
        }
        int query = url.indexOf('?', slash);
        int end = query < 0 ? url.length() : query;
        if (end == slash + 1) {
            throw new IllegalArgumentException("The URL names no database: " + redact(url));
        }
        return new int[] {slash + 1, end};
    }
}

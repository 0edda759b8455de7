package dev.warden.adapter.useragent;

import dev.warden.domain.ClientDescription;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The descriptions of the user agents seen lately. Every validation answers with its session's client,
 * and a hit in Yauaa's own cache still built a full parse result for the one string (4 % of the
 * server's CPU per validation, docs/benchmarks.md); a hit here is one map read. At most
 * {@link #MAX_ENTRIES} strings, each capped at login (ClientInfo, 512 code points), so a few MB at
 * worst: a flood of made-up headers empties it and costs only the parses.
 */
final class DescriptionCache {
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, ClientDescription> described = new ConcurrentHashMap<>();
    private final Function<String, ClientDescription> parse;

    DescriptionCache(Function<String, ClientDescription> parse) {
        this.parse = parse;
    }

    ClientDescription describe(String userAgent) {
        ClientDescription known = described.get(userAgent);
        if (known != null) {
            return known;
        }
        ClientDescription parsed = parse.apply(userAgent);
        if (described.size() >= MAX_ENTRIES) {
            described.clear();
        }
        described.put(userAgent, parsed);
        return parsed;
    }

    int size() {
        return described.size();
    }

    /** Forgets every description (a benchmark timing parses never seen). */
    void clear() {
        described.clear();
    }
}

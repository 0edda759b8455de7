package dev.warden.adapter.useragent;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * The one Yauaa analyzer of this JVM, built on first use. Building it reads thousands of rules (about
 * two seconds of CPU, and it keeps about 110 MB of heap; docs/benchmarks.md), so every parser, and
 * every server a test suite starts, shares it; {@link DescriptionCache} remembers its answers. The
 * holder class is initialised by the JVM exactly once and lazily, so nothing is paid until the
 * first parse or {@link #loadInBackground()}.
 */
final class SharedAnalyzer {
    /**
     * Only the fields the description needs: the analyzer builds only the matchers that feed them (and
     * the fields those need). It saves less than hoped: 109 MB kept against 114 MB with every field.
     */
    static final List<String> FIELDS = List.of(UserAgent.DEVICE_CLASS, UserAgent.AGENT_NAME, UserAgent.AGENT_VERSION,
            UserAgent.OPERATING_SYSTEM_NAME, UserAgent.OPERATING_SYSTEM_VERSION);

    private static final AtomicBoolean LOADING = new AtomicBoolean();

    private SharedAnalyzer() {
    }

    static UserAgentAnalyzer get() {
        return Holder.ANALYZER;
    }

    /** Starts building it on a thread of its own, so the first login does not wait for it; once per JVM. */
    static void loadInBackground() {
        if (LOADING.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("warden-useragent-load").start(() -> {
                try {
                    get();
                } catch (LinkageError e) {
                    // Not built: the first parse meets the same error, says so once, and shows clients as unknown.
                }
            });
        }
    }

    static UserAgentAnalyzer build() {
        YauaaLogging.quiet();
        return UserAgentAnalyzer.newBuilder()
                .withFields(FIELDS)
                // DescriptionCache remembers answers: a hit in Yauaa's own cache still cost a parse result.
                .withoutCache()
                // Everything is read now (not rule by rule on the first parses), and the rules' own
                // test cases are not kept in memory.
                .immediateInitialization()
                .dropTests()
                .hideMatcherLoadStats()
                .build();
    }

    private static final class Holder {
        static final UserAgentAnalyzer ANALYZER = build();
    }
}

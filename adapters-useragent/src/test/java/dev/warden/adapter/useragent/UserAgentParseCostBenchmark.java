package dev.warden.adapter.useragent;

import dev.warden.domain.ClientDescription;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What reading a user agent costs: building the shared analyzer (wall and CPU time, and the heap it
 * keeps), then, in a warm JVM, a parse of a header never seen before (what a login from a new browser
 * version pays) and of one seen before (the cache: what every list row, export row and login from a
 * known browser pays). Headers are realistic and distinct: browsers, versions, platforms and devices
 * combined from real templates. {@code bench/user-agent-parse.sh} runs it in fresh JVMs; docs/benchmarks.md
 * has the figures. Named so that surefire does not run it: timing targets live in benchmarks.
 *
 * <p>Prints {@code RESULT load ...}, {@code RESULT cold ...} and {@code RESULT cached ...} lines.
 */
public final class UserAgentParseCostBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private static final String[] PLATFORMS = {
            "Windows NT 10.0; Win64; x64", "Macintosh; Intel Mac OS X 10_15_7", "X11; Linux x86_64",
            "X11; Ubuntu; Linux x86_64", "Windows NT 6.1; Win64; x64"};
    private static final String[] ANDROID_DEVICES = {"SM-S918B", "Pixel 8", "SM-A546B", "M2101K6G", "SM-X700", "CPH2451"};

    private UserAgentParseCostBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        int distinct = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261206L;
        Random random = new Random(seed);

        long heapBefore = settledHeap();
        long wallStart = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        SharedAnalyzer.get();
        long loadCpu = CPU.getCurrentThreadCpuTime() - cpuStart;
        long loadWall = System.nanoTime() - wallStart;
        long heapKept = settledHeap() - heapBefore;
        System.out.printf("RESULT load wall_ms=%d cpu_ms=%d heap_mb=%.0f fields=%d cache=%d%n", loadWall / 1_000_000,
                loadCpu / 1_000_000, heapKept / 1048576.0, SharedAnalyzer.FIELDS.size(), DescriptionCache.MAX_ENTRIES);

        YauaaUserAgentParser parser = new YauaaUserAgentParser();
        // Warm-up on other headers than the timed ones: every path compiled, and none of the timed ones cached.
        List<String> warmUp = headers(random, distinct);
        for (int pass = 0; pass < 2; pass++) {
            warmUp.forEach(parser::describe);
        }
        YauaaUserAgentParser.DESCRIBED.clear();
        List<String> timed = headers(random, distinct);
        timed.removeAll(warmUp);

        long[] cold = time(parser, timed);
        long[] cached = time(parser, timed);
        report("cold", cold);
        report("cached", cached);
        int unknown = 0;
        for (String header : timed) {
            if (parser.describe(header).browser().equals(ClientDescription.UNKNOWN_NAME)) {
                unknown++;
            }
        }
        System.out.printf("RESULT corpus distinct=%d browser_unknown=%d%n", timed.size(), unknown);
    }

    private static long[] time(YauaaUserAgentParser parser, List<String> headers) {
        long[] cpu = new long[headers.size()];
        for (int i = 0; i < cpu.length; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            parser.describe(headers.get(i));
            cpu[i] = CPU.getCurrentThreadCpuTime() - start;
        }
        return cpu;
    }

    private static void report(String name, long[] cpuNanos) {
        long[] sorted = cpuNanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        System.out.printf("RESULT %s parses=%d cpu_p50_us=%.1f cpu_p99_us=%.1f cpu_max_us=%.1f cpu_mean_us=%.1f%n", name,
                sorted.length, sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3,
                sorted[sorted.length - 1] / 1e3, mean / 1e3);
    }

    /** {@code count} distinct headers of today's browsers, platforms and devices, bots and tools among them. */
    static List<String> headers(Random random, int count) {
        Set<String> headers = new LinkedHashSet<>();
        while (headers.size() < count) {
            int chrome = 100 + random.nextInt(32);
            String build = chrome + ".0." + (5000 + random.nextInt(2000)) + "." + random.nextInt(200);
            String platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
            String device = ANDROID_DEVICES[random.nextInt(ANDROID_DEVICES.length)];
            int android = 10 + random.nextInt(6);
            int ios = 15 + random.nextInt(4);
            int iosMinor = random.nextInt(7);
            headers.add(switch (random.nextInt(12)) {
                case 0, 1, 2 -> "Mozilla/5.0 (" + platform + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + build
                        + " Safari/537.36";
                case 3 -> "Mozilla/5.0 (" + platform + "; rv:" + (100 + random.nextInt(40)) + ".0) Gecko/20100101 Firefox/"
                        + (100 + random.nextInt(40)) + "." + random.nextInt(3);
                case 4 -> "Mozilla/5.0 (" + platform + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + chrome
                        + ".0.0.0 Safari/537.36 Edg/" + build;
                case 5 -> "Mozilla/5.0 (Linux; Android " + android + "; " + device + ") AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/" + build + " Mobile Safari/537.36";
                case 6 -> "Mozilla/5.0 (Linux; Android " + android + "; SAMSUNG " + device + ") AppleWebKit/537.36"
                        + " (KHTML, like Gecko) SamsungBrowser/" + (18 + random.nextInt(8)) + "." + random.nextInt(3)
                        + " Chrome/" + chrome + ".0.0.0 Mobile Safari/537.36";
                case 7 -> "Mozilla/5.0 (iPhone; CPU iPhone OS " + ios + "_" + iosMinor + " like Mac OS X) AppleWebKit/605.1.15"
                        + " (KHTML, like Gecko) Version/" + ios + "." + iosMinor + " Mobile/15E148 Safari/604.1";
                case 8 -> "Mozilla/5.0 (iPad; CPU OS " + ios + "_" + iosMinor + " like Mac OS X) AppleWebKit/605.1.15"
                        + " (KHTML, like Gecko) Version/" + ios + "." + iosMinor + " Mobile/15E148 Safari/604.1";
                case 9 -> "Mozilla/5.0 (" + platform + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + chrome
                        + ".0.0.0 Safari/537.36 Vivaldi/" + (5 + random.nextInt(3)) + "." + random.nextInt(9) + "."
                        + (3000 + random.nextInt(300)) + "." + random.nextInt(60);
                case 10 -> "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/" + build + " Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
                default -> new String[] {"curl/", "python-requests/", "Go-http-client/", "okhttp/"}[random.nextInt(4)]
                        + (1 + random.nextInt(8)) + "." + random.nextInt(40) + "." + random.nextInt(10);
            });
        }
        return new ArrayList<>(headers);
    }

    private static long settledHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}

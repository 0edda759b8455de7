// Where a JFR recording's CPU samples went, as plain text for docs/benchmarks.md.
//   java bench/JfrBreakdown.java RECORDING.jfr [TOP]
// Reads the jdk.CPUTimeSample events (JDK 25, when recorded) or else the jdk.ExecutionSample events
// (Java threads running Java code); the operating system's and PostgreSQL's share is measured by
// the calling script from /proc. Prints:
//   - the TOP methods by self time (the sampled frame itself),
//   - each sample attributed to one layer: walking down from the sampled frame, the first frame
//     whose class belongs to a layer below decides (generic JDK frames such as HashMap or String
//     count for whoever called them), so every sample is counted once,
//   - the same layers inclusively: the share of samples with any frame of the layer on the stack.
// Run as a single-file program (java launches .java sources), so it needs no build.

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

public final class JfrBreakdown {
    /** Layer name -> class-name prefixes; first match wins, so the more specific layers come first. */
    private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        // Frames are matched as "class.method": the access log's filter frame wraps the whole request,
        // only its line-writing lambda and path masking are its own work.
        LAYERS.put("access log (java.util.logging)", List.of("dev.warden.adapter.http.AccessLog.lambda",
                "dev.warden.adapter.http.AccessLog.safePath", "java.util.logging."));
        LAYERS.put("metrics (Micrometer/Helidon metrics)", List.of("io.micrometer.", "io.helidon.metrics.",
                "dev.warden.adapter.http.HelidonWardenMetrics"));
        LAYERS.put("Argon2 (password hashing, Bouncy Castle)", List.of("org.bouncycastle."));
        LAYERS.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        LAYERS.put("JDBC driver (pgjdbc)", List.of("org.postgresql."));
        LAYERS.put("connection pool (HikariCP)", List.of("com.zaxxer.hikari."));
        LAYERS.put("DbClient (named statements, parameters, row mapping)", List.of("io.helidon.dbclient."));
        LAYERS.put("Warden adapters-db", List.of("dev.warden.adapter.db."));
        LAYERS.put("Warden HTTP adapter (auth, views)", List.of("dev.warden.adapter.http."));
        LAYERS.put("Warden application + domain", List.of("dev.warden."));
        LAYERS.put("HTTP server (Helidon WebServer)", List.of("io.helidon."));
        LAYERS.put("virtual-thread scheduling", List.of("java.lang.VirtualThread", "java.util.concurrent.ForkJoin",
                "jdk.internal.vm.Continuation", "java.util.concurrent.locks.", "java.util.concurrent.SynchronousQueue",
                "java.util.concurrent.LinkedTransferQueue"));
        LAYERS.put("JDK socket I/O", List.of("sun.nio.", "java.net.", "sun.net.", "java.nio."));
    }

    /** Filter frames that wrap the whole request: skipped, their own work is a few lines. */
    private static final List<String> WRAPPING_FRAMES = List.of("dev.warden.adapter.http.AccessLog.filter",
            "dev.warden.adapter.http.SecurityHeaders.filter");

    /** Layers at the bottom of every request's stack: their inclusive share says nothing. */
    private static final List<String> WRAPPING = List.of("HTTP server (Helidon WebServer)", "virtual-thread scheduling");

    private static final String OTHER = "other JDK (no layer on the stack)";

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> exclusive = new LinkedHashMap<>();
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        int samples = 0;
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        // JDK 25's CPU-time sampler (jdk.CPUTimeSample) when the recording has it: it samples by CPU
        // time used, also in native code; else the classic wall-clock sampler of Java code.
        String sampleEvent = events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.CPUTimeSample"))
                ? "jdk.CPUTimeSample" : "jdk.ExecutionSample";
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals(sampleEvent) || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.getFirst()), 1, Integer::sum);
            String owner = null;
            List<String> seen = new ArrayList<>();
            for (RecordedFrame frame : frames) {
                String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                String layer = WRAPPING_FRAMES.contains(method) ? null : layer(method);
                if (layer == null) {
                    continue;
                }
                if (owner == null) {
                    owner = layer;
                }
                if (!seen.contains(layer)) {
                    seen.add(layer);
                }
            }
            exclusive.merge(owner == null ? OTHER : owner, 1, Integer::sum);
            seen.stream().filter(layer -> !WRAPPING.contains(layer)).forEach(layer -> inclusive.merge(layer, 1, Integer::sum));
        }
        System.out.printf("JFR %s events: %d%n", sampleEvent, samples);
        if (samples == 0) {
            return;
        }
        System.out.printf("%nTop %d methods by self time (share of samples):%n", top);
        int total = samples;
        self.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        System.out.printf("%nBy layer, each sample counted once (the first layer below the sampled frame):%n");
        exclusive.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        System.out.printf("%nBy layer, inclusive (share of samples with the layer anywhere on the stack;"
                + " HTTP server and scheduling, under every request, left out):%n");
        inclusive.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static String layer(String methodName) {
        for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
            for (String prefix : layer.getValue()) {
                if (methodName.startsWith(prefix)) {
                    return layer.getKey();
                }
            }
        }
        return null;
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName()
                + " (" + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + ")";
    }
}

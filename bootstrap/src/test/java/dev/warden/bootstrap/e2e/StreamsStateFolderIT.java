package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The in-process alarm topology keeps its state in a folder of its own in the temporary
 * directory: deleted when the service stops, and, when an earlier run crashed, swept away by the
 * next start instead of piling up.
 */
class StreamsStateFolderIT {
    @Test
    void theServiceDeletesItsStreamsStateFolderWhenItStopsAndSweepsOnesLeftByCrashedRuns() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path leftByACrash = Files.createTempDirectory(tmp, "warden-streams-");
        Files.createDirectories(leftByACrash.resolve("warden-alarm-streams/0_0"));
        // Its lock file, which no live process holds any more.
        try (FileChannel lockFile = FileChannel.open(leftByACrash.resolve("owner.lock"),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            lockFile.force(true);
        }

        Path own;
        try (RunningWarden warden = RunningWarden.start(Map.of())) {
            own = warden.app.streamsStateFolder().orElseThrow();
            assertTrue(Files.isDirectory(own), "the running topology's state folder");
            assertTrue(own.getFileName().toString().startsWith("warden-streams-"));
            assertFalse(Files.exists(leftByACrash), "a crashed run's folder is swept at start");
        }

        assertFalse(Files.exists(own), "deleted when the service stopped");
    }
}

package dev.warden.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streams state folder goes when its run stops, and with the next run when its run crashed. */
class StreamsStateFolderTest {
    @TempDir
    Path parent;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void closingDeletesTheFolderWithEverythingInIt() throws IOException {
        StreamsStateFolder folder = StreamsStateFolder.createIn(parent);
        Path store = Files.createDirectories(folder.path().resolve("warden-alarm-streams/0_1/rocksdb"));
        Files.writeString(store.resolve("000001.sst"), "state");
        assertTrue(folder.path().getFileName().toString().startsWith("warden-streams-"));

        folder.close();

        assertFalse(Files.exists(folder.path()));
        assertEquals(List.of(), list(parent));
    }

    @Test
    void aFolderLeftByAKilledProcessIsDeletedWhenTheNextRunStarts() throws Exception {
        Process crashed = holderProcess();
        Path leftOver = folderOf(crashed);
        crashed.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // no shutdown hook, no cleanup: a crash
        assertTrue(Files.isDirectory(leftOver), "a crash leaves its folder behind");

        try (StreamsStateFolder next = StreamsStateFolder.createIn(parent)) {
            assertFalse(Files.exists(leftOver), "the next run swept it away");
            assertEquals(List.of(next.path()), list(parent));
        }
    }

    @Test
    void foldersOfLiveRunsAreKeptWhetherInThisProcessOrAnother() throws Exception {
        try (StreamsStateFolder first = StreamsStateFolder.createIn(parent);
             StreamsStateFolder second = StreamsStateFolder.createIn(parent)) {
            Process live = holderProcess(); // sweeps too, from outside this process
            Path livesElsewhere = folderOf(live);

            try (StreamsStateFolder third = StreamsStateFolder.createIn(parent)) {
                assertTrue(Files.isDirectory(first.path()), "this process's own folders survive its sweeps");
                assertTrue(Files.isDirectory(second.path()));
                assertTrue(Files.isDirectory(livesElsewhere), "a live process's folder is never swept");
                assertEquals(4, list(parent).size());
            }
        }
    }

    @Test
    void foldersWithoutALockFileAreLeftAlone() throws IOException {
        Path older = Files.createDirectory(parent.resolve("warden-streams-12345")); // an older version's, maybe in use
        Path unrelated = Files.createDirectory(parent.resolve("something-else"));

        try (StreamsStateFolder folder = StreamsStateFolder.createIn(parent)) {
            assertTrue(Files.isDirectory(older));
            assertTrue(Files.isDirectory(unrelated));
        }
    }

    private Process holderProcess() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StateFolderHolder.class.getName(), parent.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        children.add(child);
        return child;
    }

    private static Path folderOf(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertNotNull(line, "the other process did not create its folder");
        return Path.of(line);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.map(Path::toAbsolutePath).sorted().toList();
        }
    }
}

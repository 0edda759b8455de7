package dev.warden.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A throwaway Kafka Streams state folder for one running instance ({@code warden-streams-*} in
 * the temporary directory, or in the parent folder given, such as dev mode's {@code var/streams}):
 * the alarm store is rebuilt from its changelog topic at start, so nothing in it needs to outlive
 * the process (which is why Kafka Streams' warning about state in the temporary directory is
 * dropped for these folders: {@link AlarmStreamsLogging#acceptThrowawayStateFolders()}).
 * {@link #close()} deletes it (after the streams client closed). A crashed run cannot delete its
 * own, so every new one sweeps away the others whose owner is gone: each folder holds an OS file
 * lock ({@value #LOCK_FILE}) for as long as its process lives, and the operating system releases
 * that lock when the process dies, however it dies. Folders without the lock file (older versions,
 * or another program's) are left alone.
 */
public final class StreamsStateFolder implements AutoCloseable {
    public static final String PREFIX = "warden-streams-";
    static final String LOCK_FILE = "owner.lock";
    private static final System.Logger LOG = System.getLogger(StreamsStateFolder.class.getName());
    /**
     * Folders this JVM owns. The sweep never opens their lock file: closing any channel on a file
     * releases every lock this process holds on it (POSIX), so it would free a live folder.
     */
    private static final Set<Path> OWNED_HERE = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel lockChannel;
    private boolean closed;

    private StreamsStateFolder(Path path, FileChannel lockChannel) {
        this.path = path;
        this.lockChannel = lockChannel;
    }

    /** A fresh folder in the temporary directory; stale ones of stopped runs are deleted first. */
    public static StreamsStateFolder createTemporary() {
        return createIn(temporaryDirectory());
    }

    /** The JVM's temporary directory ({@code java.io.tmpdir}), where folders go unless told otherwise. */
    public static Path temporaryDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * A fresh folder in {@code parent} (created when missing); stale {@value #PREFIX}* siblings of
     * stopped runs are deleted.
     */
    public static StreamsStateFolder createIn(Path parent) {
        AlarmStreamsLogging.acceptThrowawayStateFolders();
        StreamsStateFolder folder;
        try {
            Files.createDirectories(parent);
            Path dir = Files.createTempDirectory(parent, PREFIX).toAbsolutePath();
            OWNED_HERE.add(dir);
            try {
                folder = new StreamsStateFolder(dir, lock(dir));
            } catch (IOException | RuntimeException e) {
                OWNED_HERE.remove(dir);
                deleteRecursively(dir);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a Kafka Streams state folder in " + parent, e);
        }
        int swept = sweepStale(parent, folder.path);
        if (swept > 0) {
            LOG.log(Level.INFO, "Deleted " + swept + " Kafka Streams state folder(s) left in " + parent
                    + " by runs that stopped without cleaning up");
        }
        return folder;
    }

    /**
     * Takes the lock on a file that only appears under its final name once locked, so a sweep
     * running at the same moment never sees it unlocked.
     */
    private static FileChannel lock(Path dir) throws IOException {
        Path pending = dir.resolve(LOCK_FILE + ".new");
        FileChannel channel = FileChannel.open(pending, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            channel.lock();
            Files.move(pending, dir.resolve(LOCK_FILE), StandardCopyOption.ATOMIC_MOVE);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Deletes the folders in {@code parent} whose owning process is gone; returns how many. */
    static int sweepStale(Path parent, Path own) {
        UserPrincipal me;
        try {
            me = Files.getOwner(own, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return 0;
        }
        int swept = 0;
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path candidate : candidates) {
                Path dir = candidate.toAbsolutePath();
                if (!OWNED_HERE.contains(dir) && deleteIfStale(dir, me)) {
                    swept++;
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not look for stale Kafka Streams state folders in " + parent + ": "
                    + e.getMessage());
        }
        return swept;
    }

    /**
     * Deletes the folder if it is ours (same user, a real folder, with a lock file) and nobody
     * holds its lock; deleted while holding that lock, so no other sweep deletes it at once.
     */
    private static boolean deleteIfStale(Path dir, UserPrincipal me) {
        Path lockFile = dir.resolve(LOCK_FILE);
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    || !Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)
                    || !me.equals(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS))) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    return false; // its process is alive
                }
                deleteRecursively(dir);
                return true;
            }
        } catch (OverlappingFileLockException | IOException e) {
            return false; // held, gone meanwhile, or not ours to judge
        }
    }

    public Path path() {
        return path;
    }

    /** Releases the lock and deletes the folder with everything in it; call after the streams closed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lockChannel.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Closing the lock of " + path + " failed: " + e.getMessage());
        }
        deleteRecursively(path);
        OWNED_HERE.remove(path);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Could not delete " + p + ": " + e.getMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "Could not delete the Kafka Streams state folder " + dir + ": " + e.getMessage());
        }
    }
}

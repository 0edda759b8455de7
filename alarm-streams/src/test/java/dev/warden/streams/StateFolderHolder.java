package dev.warden.streams;

import java.nio.file.Path;

/** Another process for {@link StreamsStateFolderTest}: creates a state folder, prints it, and lives on. */
public final class StateFolderHolder {
    private StateFolderHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        StreamsStateFolder folder = StreamsStateFolder.createIn(Path.of(args[0]));
        System.out.println(folder.path());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

package dev.warden.application.support;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A System.Logger that keeps what it was given. */
final class RecordingLogger implements System.Logger {
    private final List<Level> levels = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    final List<Throwable> thrown = new CopyOnWriteArrayList<>();

    synchronized List<String> lines(Level level) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i) == level) {
                lines.add(messages.get(i));
            }
        }
        return lines;
    }

    @Override
    public String getName() {
        return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        levels.add(level);
        messages.add(msg);
        if (thrown != null) {
            this.thrown.add(thrown);
        }
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String format, Object... params) {
        levels.add(level);
        messages.add(params == null || params.length == 0 ? format
                : java.text.MessageFormat.format(format, params));
    }
}

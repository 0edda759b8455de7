package dev.warden.events;

/**
 * An environment variable whose value cannot be used. The message is the one line start-up prints:
 * it names the variable and never shows a secret (a password, a file's content).
 */
public final class VariableRejected extends RuntimeException {
    public VariableRejected(String message) {
        super(message);
    }
}

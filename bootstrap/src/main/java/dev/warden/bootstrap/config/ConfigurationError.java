package dev.warden.bootstrap.config;

/** A configuration value is unusable; the message is the one line printed at start-up. */
public final class ConfigurationError extends RuntimeException {
    public ConfigurationError(String message) {
        super(message);
    }
}

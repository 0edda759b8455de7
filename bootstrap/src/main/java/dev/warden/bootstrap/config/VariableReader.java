package dev.warden.bootstrap.config;

import dev.warden.events.VariableFile;
import dev.warden.events.VariableRejected;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Parses one environment variable at a time, naming it in every error. */
record VariableReader(Map<String, String> env) {
    /** The stripped value; {@code fallback} when not set. */
    String text(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /**
     * @param expected what a good value looks like, for the message
     * @param parser   throws a RuntimeException for a bad value
     */
    <T> T parse(String name, T fallback, String expected, Function<String, T> parser) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            throw new ConfigurationError(name + " must be " + expected + ", was '" + value + "'");
        }
    }

    Duration duration(String name, Duration fallback) {
        return parse(name, fallback, "a positive ISO-8601 duration such as PT60M or PT30S", text -> {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.isZero()) {
                throw new DateTimeParseException("not positive", text, 0);
            }
            return d;
        });
    }

    int positiveInt(String name, int fallback) {
        return parse(name, fallback, "a whole number of at least 1", text -> {
            int n = Integer.parseInt(text);
            if (n < 1) {
                throw new NumberFormatException("below 1");
            }
            return n;
        });
    }

    int port(String name, int fallback) {
        return parse(name, fallback, "a port number from 0 to 65535", text -> {
            int n = Integer.parseInt(text);
            if (n < 0 || n > 65535) {
                throw new NumberFormatException("out of range");
            }
            return n;
        });
    }

    /** A listen address, checked for its form only: never looked up. */
    String host(String name, String fallback) {
        return parse(name, fallback, "an IP address or a host name such as 127.0.0.1, 0.0.0.0 or ::", text -> {
            if (!ListenHost.isWellFormed(text)) {
                throw new IllegalArgumentException("not a host");
            }
            return text;
        });
    }

    boolean bool(String name, boolean fallback) {
        return parse(name, fallback, "true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        });
    }

    /**
     * A secret from {@code name} or from the file {@code name_FILE} names (containers mount secrets as
     * files): the file's content with one trailing newline removed. Null when neither is set.
     */
    String secret(String name) {
        String value = env.get(name);
        String fileName = env.get(name + "_FILE");
        boolean fromFile = fileName != null && !fileName.isBlank();
        if (fromFile && value != null && !value.isEmpty()) {
            throw new ConfigurationError(name + " and " + name + "_FILE are both set; set only one of them");
        }
        if (!fromFile) {
            return value;
        }
        String content;
        try {
            content = VariableFile.read(name + "_FILE", fileName);
        } catch (VariableRejected e) {
            throw new ConfigurationError(e.getMessage());
        }
        if (content.endsWith("\r\n")) {
            return content.substring(0, content.length() - 2);
        }
        return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }
}

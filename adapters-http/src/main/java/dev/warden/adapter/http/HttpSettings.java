package dev.warden.adapter.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the HTTP adapter needs from configuration.
 *
 * @param cookieSecure    adds {@code Secure} to the session cookie; only plain-HTTP development turns it off
 * @param trustedProxies  peers whose X-Forwarded-For is believed (WARDEN_TRUSTED_PROXIES)
 * @param idleTimeout     the session idle timeout, to show {@code idleExpiresAt} in session JSON
 * @param consoleLocation classpath folder of the web console, served at {@code /}
 */
public record HttpSettings(boolean cookieSecure, List<Cidr> trustedProxies, Duration idleTimeout,
                           String consoleLocation) {

    /** Where the web console's files live on the classpath. */
    public static final String DEFAULT_CONSOLE_LOCATION = "web";

    public HttpSettings {
        trustedProxies = List.copyOf(Objects.requireNonNull(trustedProxies, "trustedProxies"));
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        Objects.requireNonNull(consoleLocation, "consoleLocation");
    }

    public HttpSettings(boolean cookieSecure, List<Cidr> trustedProxies, Duration idleTimeout) {
        this(cookieSecure, trustedProxies, idleTimeout, DEFAULT_CONSOLE_LOCATION);
    }
}

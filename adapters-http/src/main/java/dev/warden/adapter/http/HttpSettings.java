package dev.warden.adapter.http;

import dev.warden.domain.WardenPolicy;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What the HTTP adapter needs from configuration.
 *
 * @param cookieSecure    adds {@code Secure} to the session cookie; only plain-HTTP development turns it off
 * @param trustedProxies  peers whose X-Forwarded-For is believed (WARDEN_TRUSTED_PROXIES)
 * @param policy          the product rules' numbers: the domain applies them to what the API shows
 *                        (a session's {@code idleExpiresAt}, a user's {@code ipSpread})
 * @param consoleLocation classpath folder of the web console, served at {@code /}
 * @param publicUrl       WARDEN_PUBLIC_URL: where receivers reach Warden, the base of the Shared Signals
 *                        and OAuth metadata; null when unset (then those routes answer 404)
 */
public record HttpSettings(boolean cookieSecure, List<Cidr> trustedProxies, WardenPolicy policy,
                           String consoleLocation, URI publicUrl) {

    /** Where the web console's files live on the classpath. */
    public static final String DEFAULT_CONSOLE_LOCATION = "web";

    public HttpSettings {
        trustedProxies = List.copyOf(Objects.requireNonNull(trustedProxies, "trustedProxies"));
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(consoleLocation, "consoleLocation");
    }

    public HttpSettings(boolean cookieSecure, List<Cidr> trustedProxies, WardenPolicy policy, String consoleLocation) {
        this(cookieSecure, trustedProxies, policy, consoleLocation, null);
    }

    public HttpSettings(boolean cookieSecure, List<Cidr> trustedProxies, WardenPolicy policy) {
        this(cookieSecure, trustedProxies, policy, DEFAULT_CONSOLE_LOCATION);
    }

    /** The same, with the Shared Signals and OAuth routes on under {@code publicUrl} (null: off, they answer 404). */
    public HttpSettings withPublicUrl(URI publicUrl) {
        return new HttpSettings(cookieSecure, trustedProxies, policy, consoleLocation, publicUrl);
    }
}

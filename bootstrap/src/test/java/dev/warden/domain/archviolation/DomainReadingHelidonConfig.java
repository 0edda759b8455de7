package dev.warden.domain.archviolation;

import io.helidon.config.Config;

/** Fixture: breaks "domain depends only on java.*" by reading Helidon configuration. */
public class DomainReadingHelidonConfig {
    public String idleTimeout(Config config) {
        return config.get("idle").asString().orElse("PT60M");
    }
}

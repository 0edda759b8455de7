package dev.warden.adapter.http.archviolation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fixture: breaks "Warden logs through System.Logger, not SLF4J". */
public class HttpAdapterLoggingThroughSlf4j {
    private static final Logger LOG = LoggerFactory.getLogger(HttpAdapterLoggingThroughSlf4j.class);

    public void served(String path) {
        LOG.info("served {}", path);
    }
}

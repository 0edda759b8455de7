package dev.warden.adapter.http.archviolation;

import java.util.logging.Logger;

/** Fixture: breaks "only the named logging configuration touches java.util.logging". */
public class HttpAdapterLoggingThroughJavaUtilLogging {
    private static final Logger LOG = Logger.getLogger(HttpAdapterLoggingThroughJavaUtilLogging.class.getName());

    public void served(String path) {
        LOG.info("served " + path);
    }
}

package dev.warden.adapter.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The CloudEvents 1.0 structured-mode envelope fields the contract fixes. */
final class CloudEvents {
    static final String SPEC_VERSION = "1.0";
    static final String SOURCE = "warden";
    static final String CONTENT_TYPE = "application/json";

    /** Thread-safe once configured; shared by the codecs. */
    static final ObjectMapper JSON = new ObjectMapper();

    private CloudEvents() {
    }
}

package dev.warden.events;

import java.time.Instant;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as every Warden topic carries it; written and
 * read by {@link EventJson}. Read from a topic, any field may be missing (null): the reader checks
 * what it needs.
 *
 * @param <D> the shape of {@code data}
 */
public record CloudEvent<D>(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        D data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String SOURCE = "warden";
    public static final String CONTENT_TYPE = "application/json";

    /** An event Warden emits: fixed spec version, source and content type. */
    public static <D> CloudEvent<D> emit(String id, String type, Instant time, String subject, D data) {
        return new CloudEvent<>(SPEC_VERSION, id, SOURCE, type, time, subject, CONTENT_TYPE, data);
    }
}

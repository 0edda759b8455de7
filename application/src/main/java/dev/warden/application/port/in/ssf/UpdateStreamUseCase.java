package dev.warden.application.port.in.ssf;

import dev.warden.domain.ReceiverClientId;

/**
 * A receiver updates (PATCH) or replaces (PUT) its stream's configuration (SSF 1.0 sections
 * 8.1.1.3 and 8.1.1.4). Audited SSF_STREAM_UPDATED.
 */
public interface UpdateStreamUseCase {
    enum Mode { UPDATE, REPLACE }

    /**
     * @throws dev.warden.application.port.in.InvalidRequest when a value is bad or a transmitter-supplied one differs
     * @throws StreamNotFound when the caller has no stream with this id
     */
    StreamView update(ReceiverClientId caller, StreamRequest request, Mode mode);
}

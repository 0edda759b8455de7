package dev.warden.application.port.in.ssf;

import dev.warden.domain.ReceiverClientId;

/**
 * A receiver creates an event stream (SSF 1.0 section 8.1.1.1): poll when it names no delivery,
 * every supported event type when it requests none; enabled at once. Audited SSF_STREAM_CREATED.
 */
public interface CreateStreamUseCase {
    /** @throws dev.warden.application.port.in.InvalidRequest when the configuration is not one Warden can serve */
    StreamView create(ReceiverClientId caller, StreamRequest request);
}

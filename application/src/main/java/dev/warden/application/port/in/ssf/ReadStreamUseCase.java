package dev.warden.application.port.in.ssf;

import dev.warden.domain.ReceiverClientId;

/** A receiver reads one of its streams' configuration. */
public interface ReadStreamUseCase {
    /**
     * @throws dev.warden.application.port.in.InvalidRequest when the id is not a stream id
     * @throws StreamNotFound when the caller has no stream with this id
     */
    StreamView read(ReceiverClientId caller, String streamId);
}

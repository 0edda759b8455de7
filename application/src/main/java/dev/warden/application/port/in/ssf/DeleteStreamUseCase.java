package dev.warden.application.port.in.ssf;

import dev.warden.domain.ReceiverClientId;

/** A receiver deletes its stream, with its queue and subjects. Audited SSF_STREAM_DELETED. */
public interface DeleteStreamUseCase {
    /** @throws StreamNotFound when the caller has no stream with this id */
    void delete(ReceiverClientId caller, String streamId);
}

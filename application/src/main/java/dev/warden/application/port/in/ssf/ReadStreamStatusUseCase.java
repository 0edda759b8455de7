package dev.warden.application.port.in.ssf;

import dev.warden.domain.ReceiverClientId;

/** A receiver reads its stream's status. */
public interface ReadStreamStatusUseCase {
    /** @throws StreamNotFound when the caller has no stream with this id */
    StreamStatusView status(ReceiverClientId caller, String streamId);
}

package dev.warden.application.port.in.ssf;

import dev.warden.domain.ReceiverClientId;

/**
 * A receiver enables, pauses or disables its stream. A change queues a stream-updated SET on the
 * stream (unless it is now disabled: a disabled stream keeps nothing, and disabling empties its
 * queue); a paused stream keeps its events until enabled. Audited SSF_STREAM_UPDATED.
 */
public interface UpdateStreamStatusUseCase {
    /**
     * @param reason null when none
     * @throws dev.warden.application.port.in.InvalidRequest when the status is not one of the three, or the reason is bad
     * @throws StreamNotFound when the caller has no stream with this id
     */
    StreamStatusView update(ReceiverClientId caller, String streamId, String status, String reason);
}

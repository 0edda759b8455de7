package dev.warden.application.port.in.ssf;

/**
 * RFC 8935 push delivery: the background job's pass over the push streams that are due. Each
 * stream's SETs go out oldest first, one stream per instance at a time; a failure leaves the SET
 * queued and pauses the stream for a growing time.
 */
public interface PushStreamsUseCase {

    /** @return how many SETs the receivers accepted in this pass */
    int pushDue();
}

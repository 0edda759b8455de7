package dev.warden.application.port.in.ssf;

import dev.warden.domain.ReceiverClientId;
import java.util.List;

/** A receiver lists its own streams, oldest first (empty when it has none). */
public interface ListStreamsUseCase {
    List<StreamView> list(ReceiverClientId caller);
}

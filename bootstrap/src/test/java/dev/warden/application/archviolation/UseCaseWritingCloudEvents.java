package dev.warden.application.archviolation;

import dev.warden.events.CloudEvent;
import java.time.Instant;

/** Fixture: breaks "the core knows no wire format" by building a CloudEvent in a use case. */
public class UseCaseWritingCloudEvents {
    public CloudEvent<String> event(String id) {
        return CloudEvent.emit(id, "warden.session.created", Instant.EPOCH, id, "data");
    }
}

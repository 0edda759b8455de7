package dev.warden.events.archviolation;

import dev.warden.domain.UserId;

/** Fixture: breaks "the event contract depends on no other Warden module" by parsing a domain id. */
public class ContractReadingTheDomain {
    public String userId(String text) {
        return UserId.parse(text).toString();
    }
}

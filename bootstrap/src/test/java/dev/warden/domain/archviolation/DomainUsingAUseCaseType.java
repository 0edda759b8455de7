package dev.warden.domain.archviolation;

import dev.warden.application.port.in.PageRequest;

/** Fixture: breaks "domain depends only on java.*" by reaching up into the application. */
public class DomainUsingAUseCaseType {
    public int limit(PageRequest page) {
        return page.limit();
    }
}

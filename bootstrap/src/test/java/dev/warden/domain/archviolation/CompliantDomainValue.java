package dev.warden.domain.archviolation;

import java.time.Duration;

/** Fixture: a domain class that keeps the rules. */
public record CompliantDomainValue(Duration value) {
}

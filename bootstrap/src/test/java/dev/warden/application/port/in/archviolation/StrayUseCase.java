package dev.warden.application.port.in.archviolation;

/** Violates the layout rule: a use case outside any capability package of port.in. */
public interface StrayUseCase {
    void doSomething();
}

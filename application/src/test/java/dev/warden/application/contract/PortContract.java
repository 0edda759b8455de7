package dev.warden.application.contract;

import org.junit.jupiter.api.BeforeEach;

/**
 * What every port contract starts from: the ports under test over an empty store. A subclass per
 * implementation (the PostgreSQL adapters, the in-memory fakes) says where they come from.
 */
public abstract class PortContract {
    protected Ports ports;

    /** The ports under test, over an empty store; asked for before each test. */
    protected abstract Ports freshPorts();

    @BeforeEach
    void startFromAnEmptyStore() {
        ports = freshPorts();
    }
}

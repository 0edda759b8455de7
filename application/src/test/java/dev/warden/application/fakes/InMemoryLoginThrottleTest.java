package dev.warden.application.fakes;

import dev.warden.application.contract.LoginThrottleContract;
import dev.warden.application.contract.Ports;
import dev.warden.application.port.out.LoginThrottle;

class InMemoryLoginThrottleTest extends LoginThrottleContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryStores().ports();
    }

    /** Instances in one process share the one store. */
    @Override
    protected LoginThrottle anotherInstance() {
        return throttle;
    }
}

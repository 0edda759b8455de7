package dev.warden.adapter.db;

import dev.warden.application.contract.LoginThrottleContract;
import dev.warden.application.contract.Ports;
import dev.warden.application.port.out.LoginThrottle;
import org.junit.jupiter.api.AfterEach;

class DbClientLoginThrottleIT extends LoginThrottleContract {
    private WardenDatabase second;

    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }

    @Override
    protected LoginThrottle anotherInstance() {
        second = TestDatabase.anotherInstance();
        return second.loginThrottle();
    }

    @AfterEach
    void closeSecondInstance() {
        if (second != null) {
            second.close();
        }
    }
}

package dev.warden.adapter.db;

import dev.warden.application.port.out.LoginThrottle;
import org.junit.jupiter.api.AfterEach;

class JdbcLoginThrottleIT extends LoginThrottleContract {
    private WardenDatabase second;

    @Override
    protected Ports ports() {
        return Ports.of(TestDatabase.get());
    }

    @Override
    protected LoginThrottle anotherInstance() {
        second = TestDatabase.anotherInstance();
        return second.loginThrottle();
    }

    @Override
    protected void resetData() {
        TestDatabase.reset();
    }

    @AfterEach
    void closeSecondInstance() {
        if (second != null) {
            second.close();
        }
    }
}

package dev.warden.application.fakes;

import dev.warden.application.contract.UserAccountsContract;
import dev.warden.application.contract.Ports;

class InMemoryUserAccountsTest extends UserAccountsContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryStores().ports();
    }
}

package dev.warden.adapter.db;

import dev.warden.application.contract.Ports;
import dev.warden.application.contract.UserAccountsContract;

class DbClientUserAccountsIT extends UserAccountsContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }
}

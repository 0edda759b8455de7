package dev.warden.adapter.db;

import dev.warden.application.contract.UserAccountsContract;
import dev.warden.application.contract.Ports;

class JdbcUserAccountsIT extends UserAccountsContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }
}

package dev.warden.adapter.db;

import dev.warden.application.contract.AlarmStoreContract;
import dev.warden.application.contract.Ports;

class DbClientAlarmStoreIT extends AlarmStoreContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }
}

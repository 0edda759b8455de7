package dev.warden.adapter.db;

import dev.warden.application.contract.LoginRecordsContract;
import dev.warden.application.contract.Ports;
import dev.warden.application.port.out.LoginRecords;

class DbClientLoginRecordsIT extends LoginRecordsContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }

    @Override
    protected LoginRecords records() {
        return TestDatabase.get().loginRecords();
    }
}

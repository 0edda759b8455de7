package dev.warden.application.fakes;

import dev.warden.application.contract.LoginRecordsContract;
import dev.warden.application.contract.Ports;
import dev.warden.application.port.out.LoginRecords;

class InMemoryLoginRecordsTest extends LoginRecordsContract {
    private InMemoryStores stores;

    @Override
    protected Ports freshPorts() {
        stores = new InMemoryStores();
        return stores.ports();
    }

    @Override
    protected LoginRecords records() {
        return stores.loginRecords;
    }
}

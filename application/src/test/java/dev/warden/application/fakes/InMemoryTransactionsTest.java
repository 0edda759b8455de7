package dev.warden.application.fakes;

import dev.warden.application.contract.TransactionBoundaryContract;
import dev.warden.application.contract.Ports;

class InMemoryTransactionsTest extends TransactionBoundaryContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryStores().ports();
    }
}

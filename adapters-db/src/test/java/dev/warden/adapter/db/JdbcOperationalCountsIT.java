package dev.warden.adapter.db;

import dev.warden.application.port.out.OperationalCounts;

class JdbcOperationalCountsIT extends OperationalCountsContract {
    @Override
    protected Ports ports() {
        return Ports.of(TestDatabase.get());
    }

    @Override
    protected OperationalCounts counts() {
        return TestDatabase.get().operationalCounts();
    }

    @Override
    protected void resetData() {
        TestDatabase.reset();
    }
}

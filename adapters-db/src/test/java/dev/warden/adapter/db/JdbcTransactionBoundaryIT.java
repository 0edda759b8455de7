package dev.warden.adapter.db;

class JdbcTransactionBoundaryIT extends TransactionBoundaryContract {
    @Override
    protected Ports ports() {
        return Ports.of(TestDatabase.get());
    }

    @Override
    protected void resetData() {
        TestDatabase.reset();
    }
}

package dev.warden.adapter.db;

class JdbcUserAccountsIT extends UserAccountsContract {
    @Override
    protected Ports ports() {
        return Ports.of(TestDatabase.get());
    }

    @Override
    protected void resetData() {
        TestDatabase.reset();
    }
}

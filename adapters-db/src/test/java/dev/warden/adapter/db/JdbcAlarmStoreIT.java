package dev.warden.adapter.db;

class JdbcAlarmStoreIT extends AlarmStoreContract {
    @Override
    protected Ports ports() {
        return Ports.of(TestDatabase.get());
    }

    @Override
    protected void resetData() {
        TestDatabase.reset();
    }
}

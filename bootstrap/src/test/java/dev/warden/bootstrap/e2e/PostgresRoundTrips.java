package dev.warden.bootstrap.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Counts round trips to PostgreSQL on the wire (a {@link PostgresProxy} tap, one {@link Connection}
 * per connection): a round trip is what the client sends between two answers of the server, so
 * messages the driver sends together without waiting (pgjdbc's BEGIN before a statement, a
 * multi-statement text) are one trip. The client's messages are parsed (protocol 3; the connection
 * must not use SSL, and with {@code prepareThreshold=0} every Parse carries its SQL) so that each
 * trip is kept with the SQL it carried and a test can tell a use case's trips from the background's
 * on the same pool: a trip with only BEGIN, COMMIT or ROLLBACK belongs to whoever the connection's
 * previous trip belonged to.
 */
final class PostgresRoundTrips {
    /** One round trip: its connection and the statements it sent (empty for a bare Sync). */
    record RoundTrip(int connection, List<String> sql) {
        RoundTrip {
            sql = java.util.Collections.synchronizedList(new ArrayList<>(sql));
        }

        boolean onlyTransactionControl() {
            return sql.stream().allMatch(s -> s.isBlank() || s.matches("(?is)\\s*(BEGIN|COMMIT|ROLLBACK)\\s*"));
        }
    }

    private final List<RoundTrip> trips = new ArrayList<>();
    private int connections;

    synchronized Connection connection() {
        return new Connection(++connections);
    }

    synchronized void reset() {
        trips.clear();
    }

    synchronized List<RoundTrip> all() {
        return List.copyOf(trips);
    }


    /**
     * The round trips of the work {@code ours} recognises by its SQL, in order, with each
     * transaction-control-only trip given to the owner of its connection's trip before it. Empty
     * queries (a pool checking a connection) are nobody's.
     */
    synchronized List<RoundTrip> of(Predicate<String> ours) {
        List<RoundTrip> mine = new ArrayList<>();
        java.util.Map<Integer, Boolean> owner = new java.util.HashMap<>();
        for (RoundTrip trip : trips) {
            if (trip.sql().stream().allMatch(String::isBlank)) {
                continue;
            }
            boolean isOurs = trip.onlyTransactionControl()
                    ? owner.getOrDefault(trip.connection(), false)
                    : trip.sql().stream().anyMatch(ours);
            owner.put(trip.connection(), isOurs);
            if (isOurs) {
                mine.add(trip);
            }
        }
        return mine;
    }

    private synchronized void add(RoundTrip trip) {
        trips.add(trip);
    }

    /** Parses one connection's client-to-server bytes as they pass. */
    final class Connection {
        private final int id;
        private byte[] pending = new byte[0];
        private boolean started;
        private boolean serverAnswered = true;
        private RoundTrip trip;

        private Connection(int id) {
            this.id = id;
        }

        /** The server sent something: the client's next bytes start a new round trip. */
        synchronized void answered() {
            serverAnswered = true;
        }

        synchronized void sent(byte[] bytes, int length) {
            if (serverAnswered) {
                serverAnswered = false;
                trip = new RoundTrip(id, List.of());
                if (started) {
                    add(trip);
                }
            }
            byte[] joined = new byte[pending.length + length];
            System.arraycopy(pending, 0, joined, 0, pending.length);
            System.arraycopy(bytes, 0, joined, pending.length, length);
            int at = 0;
            while (true) {
                int header = started ? 5 : 4;
                if (joined.length - at < header) {
                    break;
                }
                int size = started ? readInt(joined, at + 1) + 1 : readInt(joined, at);
                if (joined.length - at < size) {
                    break;
                }
                if (started) {
                    message((char) joined[at], joined, at + 5, at + size);
                } else if (readInt(joined, at + 4) == 196608) {
                    started = true; // the StartupMessage; an SSLRequest before it is refused (sslmode=disable)
                }
                at += size;
            }
            pending = java.util.Arrays.copyOfRange(joined, at, joined.length);
        }

        private void message(char type, byte[] bytes, int from, int to) {
            switch (type) {
                case 'P' -> { // Parse: statement name, then the SQL, both NUL-terminated
                    int name = indexOfNul(bytes, from, to);
                    trip.sql().add(new String(bytes, name + 1, indexOfNul(bytes, name + 1, to) - name - 1,
                            StandardCharsets.UTF_8));
                }
                case 'Q' -> trip.sql().add(new String(bytes, from, indexOfNul(bytes, from, to) - from,
                        StandardCharsets.UTF_8));
                default -> {
                    // Bind, Describe, Execute, Sync, Flush, Close, Terminate...: no SQL.
                }
            }
        }

        private static int indexOfNul(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                if (bytes[i] == 0) {
                    return i;
                }
            }
            return to;
        }

        private static int readInt(byte[] bytes, int at) {
            return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                    | bytes[at + 3] & 0xff;
        }
    }
}

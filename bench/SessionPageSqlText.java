import dev.warden.adapter.db.SessionPageSql;
import dev.warden.application.port.in.SortOrder;
import dev.warden.application.port.in.sessions.SessionSort;

/** Prints one Sessions page statement as Warden composes it: SHAPE SORT ORDER WITH_CURSOR (bench/lib.sh). */
public class SessionPageSqlText {
    public static void main(String[] args) {
        System.out.println(SessionPageSql.page(SessionPageSql.Shape.valueOf(args[0]), SessionSort.valueOf(args[1]),
                SortOrder.valueOf(args[2]), Boolean.parseBoolean(args[3])));
    }
}

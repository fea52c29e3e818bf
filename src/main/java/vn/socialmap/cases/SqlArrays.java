package vn.socialmap.cases;

import java.lang.reflect.Array;
import java.util.List;

/**
 * Columns of rows as arrays, for writing many rows in one statement with
 * {@code unnest(cast(:a as ...[]), ...)}: PostgreSQL's JDBC driver binds Java arrays as SQL arrays.
 */
final class SqlArrays {

    /** Rows per statement: large enough to amortise round trips, small enough for the driver's limits. */
    static final int BATCH = 5000;

    private SqlArrays() {
    }

    @SuppressWarnings("unchecked")
    static <T> T[] column(List<Object[]> rows, int index, Class<T> type) {
        T[] values = (T[]) Array.newInstance(type, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            values[i] = type.cast(rows.get(i)[index]);
        }
        return values;
    }
}

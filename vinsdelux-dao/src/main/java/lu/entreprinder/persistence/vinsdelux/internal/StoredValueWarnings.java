package lu.entreprinder.persistence.vinsdelux.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a warning once per row and column for a stored value the library cannot decode (written by another
 * application sharing the database). Remembers at most {@value #REMEMBERED} rows; beyond that it warns again.
 */
public final class StoredValueWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(StoredValueWarnings.class);
    private static final int REMEMBERED = 10_000;
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private StoredValueWarnings() {
    }

    /** Warns about {@code table.column} of row {@code id}, unless this row and column were already reported. */
    public static void warnOnce(String table, long id, String column, String problem) {
        if (WARNED.size() >= REMEMBERED) {
            WARNED.clear();
        }
        if (WARNED.add(table + '#' + id + '#' + column)) {
            LOG.warn("{} id={} {}: stored value cannot be decoded ({}); the record is marked invalid", table, id,
                    column, problem);
        }
    }

    /** True when this row and column were reported (for tests). */
    public static boolean warned(String table, long id, String column) {
        return WARNED.contains(table + '#' + id + '#' + column);
    }
}

package lu.entreprinder.persistence.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For reads that meet a stored value the library cannot decode because another application sharing the database
 * (the Django app) wrote it: such a value marks its record invalid instead of failing the page, and is reported
 * here with a warning, once per table, row and column (remembering at most {@value #REMEMBERED} rows, then again).
 */
public final class StoredValues {

    private static final Logger LOG = LoggerFactory.getLogger(StoredValues.class);
    private static final int REMEMBERED = 10_000;
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private StoredValues() {
    }

    /** Logs one warning naming table, id and column, unless this row and column were already reported. Never throws. */
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

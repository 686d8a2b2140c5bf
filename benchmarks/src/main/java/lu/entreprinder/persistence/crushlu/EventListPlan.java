package lu.entreprinder.persistence.crushlu;

import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.PageRequest;
import org.jooq.conf.ParamType;

/**
 * Diagnostics only: the SQL of {@link EventDao#listEventsForViewer}'s one statement (package-private
 * {@code listQuery}, "so a test can EXPLAIN it"), so the benchmark launcher can put its plan beside the hand-written
 * one in {@code plans.txt}. Lives in crushlu-dao's package for that reason alone.
 */
public final class EventListPlan {

    private EventListPlan() {
    }

    /** Workload 1's listing for {@code viewerId} (published, upcoming, first page of {@code size}), values inlined. */
    public static String sql(Database db, int viewerId, int size) {
        return new EventDao(db).listQuery(viewerId, EventFilter.all().published().upcoming(), PageRequest.first(size),
                db.now()).getSQL(ParamType.INLINED);
    }
}

package lu.entreprinder.persistence.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One statement that a call sent through the library, and the database's plan for it: what
 * {@link Database#explain(Runnable, boolean)} answers, one per statement, in the order they were sent.
 *
 * @param sql        the statement as the library sent it, with {@code ?} for each bind value
 * @param bindValues the values bound to the {@code ?}s, in order (may contain nulls; unmodifiable)
 * @param plan       PostgreSQL's {@code EXPLAIN} (with {@code ANALYZE, BUFFERS} when asked) or SQLite's
 *                   {@code EXPLAIN QUERY PLAN}, one line per plan row
 */
public record StatementPlan(String sql, List<Object> bindValues, String plan) {

    public StatementPlan {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(plan, "plan");
        bindValues = Collections.unmodifiableList(new ArrayList<>(bindValues));
    }

    /** The statement, its bind values and its plan, as a person reads them. */
    @Override
    public String toString() {
        return sql + "\n-- bind values: " + bindValues + "\n" + plan;
    }
}

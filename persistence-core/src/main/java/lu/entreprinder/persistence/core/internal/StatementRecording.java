package lu.entreprinder.persistence.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteType;
import org.jooq.Query;

/**
 * Per-thread recorders of the statements a call sends through the library ({@code Database.explain(Runnable, …)}):
 * each statement's SQL as executed and its bind values, in order. Costs one thread-local read per statement while
 * no recorder is open.
 */
public final class StatementRecording {

    /** One statement as it was sent: its SQL with {@code ?} placeholders, its bind values, and whether it was a batch. */
    public record Recorded(String sql, List<Object> bindValues, boolean batch) {
    }

    private final ThreadLocal<List<List<Recorded>>> open = new ThreadLocal<>();

    /** Called by the execute listener for every statement jOOQ is about to send. */
    public void executed(ExecuteContext ctx) {
        List<List<Recorded>> recorders = open.get();
        if (recorders != null) {
            add(recorders, of(ctx));
        }
    }

    /** The same for a statement sent straight through JDBC ({@link DirectReads}). */
    void executed(String sql, Object[] bindValues) {
        List<List<Recorded>> recorders = open.get();
        if (recorders != null) {
            add(recorders, new Recorded(sql, Collections.unmodifiableList(new ArrayList<>(Arrays.asList(bindValues))),
                    false));
        }
    }

    private static void add(List<List<Recorded>> recorders, Recorded statement) {
        for (List<Recorded> recorder : recorders) {
            recorder.add(statement);
        }
    }

    private static Recorded of(ExecuteContext ctx) {
        if (ctx.type() == ExecuteType.BATCH) {
            String[] batch = ctx.batchSQL();
            return new Recorded(batch.length == 0 ? String.valueOf(ctx.sql()) : String.join(";\n", batch), List.of(),
                    true);
        }
        Query query = ctx.query();
        List<Object> values = query == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(
                query.getBindValues()));
        return new Recorded(ctx.sql(), values, false);
    }

    /** Runs {@code call} and answers the statements this thread sent while it ran (also when it threw: then none). */
    public List<Recorded> record(Supplier<?> call) {
        List<List<Recorded>> recorders = open.get();
        if (recorders == null) {
            recorders = new ArrayList<>();
            open.set(recorders);
        }
        List<Recorded> recorder = new ArrayList<>();
        recorders.add(recorder);
        try {
            call.get();
            return List.copyOf(recorder);
        } finally {
            recorders.remove(recorders.size() - 1);
            if (recorders.isEmpty()) {
                open.remove();
            }
        }
    }
}

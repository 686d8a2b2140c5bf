package lu.entreprinder.persistence.testing;

import java.util.function.Supplier;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.StatementCount;

/** Runs a call and reports how many SQL statements it executed on this thread. */
public final class Statements {

    private Statements() {
    }

    /** A call's result and its statement count. */
    public record Counted<T>(T value, long statements) {
    }

    public static <T> Counted<T> count(Database db, Supplier<T> call) {
        try (StatementCount count = db.countStatements()) {
            T value = call.get();
            return new Counted<>(value, count.value());
        }
    }

    public static long count(Database db, Runnable call) {
        try (StatementCount count = db.countStatements()) {
            call.run();
            return count.value();
        }
    }
}

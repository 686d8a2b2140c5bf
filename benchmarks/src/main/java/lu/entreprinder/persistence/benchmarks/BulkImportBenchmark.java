package lu.entreprinder.persistence.benchmarks;

import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.benchmarks.workloads.BulkImports;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Workload 4: import 100,000 users (x scale) in one transaction: the library's batch path (typed; diagnostic
 * variants with jOOQ's null-placeholder template and with a plain-SQL INSERT) vs hand-written JDBC batches vs COPY. One import per
 * iteration (single shot); the imported rows are deleted after each iteration, outside the measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BulkImportBenchmark {

    private BulkImports imports;

    @Setup(Level.Trial)
    public void setUp() {
        Fixture fixture = Fixture.get();
        imports = new BulkImports(fixture.db, fixture.spec.importRows());
        imports.cleanUp();
    }

    @TearDown(Level.Iteration)
    public void cleanUp() {
        imports.cleanUp();
    }

    @Benchmark
    public int importLibrary() {
        return imports.library();
    }

    @Benchmark
    public int importLibraryGenericRecords() {
        return imports.libraryGenericRecords();
    }

    @Benchmark
    public int importLibraryTextCopy() {
        return imports.libraryTextCopy();
    }

    @Benchmark
    public int importLibraryBatch() {
        return imports.libraryBatch();
    }

    @Benchmark
    public int importLibraryPlainSql() {
        return imports.libraryPlainSql();
    }

    @Benchmark
    public int importLibraryNullTemplate() {
        return imports.libraryNullTemplate();
    }

    @Benchmark
    public int importJdbcBatch() {
        return imports.jdbcBatch();
    }

    @Benchmark
    public int importCopy() {
        return imports.copy();
    }
}

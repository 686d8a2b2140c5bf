package lu.entreprinder.persistence.benchmarks;

import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.benchmarks.workloads.HibernateOrm;
import lu.entreprinder.persistence.benchmarks.workloads.PkReads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Workload 0: one row by primary key (a user; a plot): library vs hand-written JDBC vs Hibernate. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PkReadBenchmark {

    private Fixture fixture;
    private PkReads reads;
    private HibernateOrm orm;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.get();
        reads = new PkReads(fixture.db);
        orm = new HibernateOrm(fixture.db.dataSource(), false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        orm.close();
    }

    private int user() {
        return fixture.userIds[next++ & 1023];
    }

    private long plot() {
        return fixture.plotIds[next++ & 1023];
    }

    @Benchmark
    public Object userLibrary() {
        return reads.userLibrary(user());
    }

    @Benchmark
    public Object userLibraryRenderedPerCall() {
        return reads.userLibraryRenderedPerCall(user());
    }

    @Benchmark
    public Object userJooqOnly() {
        return reads.userJooqOnly(user());
    }

    @Benchmark
    public Object userJdbc() {
        return reads.userJdbc(user());
    }

    @Benchmark
    public Object userHibernate() {
        return orm.user(user());
    }

    @Benchmark
    public Object plotLibrary() {
        return reads.plotLibrary(plot());
    }

    @Benchmark
    public Object plotLibraryRenderedPerCall() {
        return reads.plotLibraryRenderedPerCall(plot());
    }

    @Benchmark
    public Object plotJdbc() {
        return reads.plotJdbc(plot());
    }

    @Benchmark
    public Object plotHibernate() {
        return orm.plot(plot());
    }
}
